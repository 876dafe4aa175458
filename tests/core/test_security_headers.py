"""Content-Security-Policy: strict on public pages, relaxed (but still first-party only)
under the admin path; and the templates keep to what the strict policy allows."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_public_pages_get_the_strict_policy(client, site_tree):
    for path in ("/fr/", "/en/", "/fr/search/?q=vol"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_not_found_and_machine_files_get_the_strict_policy(client, site_tree):
    for path in ("/fr/does-not-exist/", "/robots.txt", "/healthz"):
        response = client.get(path)
        assert directives(response)["script-src"] == ["'self'"], path


def test_admin_gets_its_own_policy(client, site_tree):
    login = client.get(reverse("wagtailadmin_login"))
    assert login.status_code == 200
    assert login.request["PATH_INFO"].startswith(f"/{settings.ADMIN_PATH}/")
    policy = directives(login)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # page previews are framed by the admin
    assert policy["object-src"] == ["'none'"]

    user = get_user_model().objects.create_superuser("chef", "chef@example.org", "x" * 16)
    client.force_login(user)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert "'unsafe-inline'" in directives(dashboard)["script-src"]


# Anything the strict policy blocks: inline scripts (JSON-LD data blocks are allowed),
# event-handler attributes, style attributes and <style> elements.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)


def test_public_templates_need_no_inline_script_or_style():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        relative = template.relative_to(ROOT / "templates")
        if relative.parts[0] in {"wagtailadmin"} or "admin" in relative.parts:
            continue  # admin templates live under the admin policy
        text = template.read_text()
        for name, pattern in (("script", INLINE_SCRIPT), ("handler", HANDLER), ("style", STYLE)):
            if pattern.search(text):
                offenders.append(f"{relative}: inline {name}")
    assert not offenders, offenders


def test_the_admin_policy_follows_admin_path(rf, settings):
    from django.http import HttpResponse

    from maison.core.csp import SiteCSPMiddleware

    settings.ADMIN_PATH = "gestion-7f3a"
    middleware = SiteCSPMiddleware(lambda request: HttpResponse("ok"))
    admin = middleware(rf.get("/gestion-7f3a/pages/"))
    assert "'unsafe-inline'" in admin["Content-Security-Policy"]
    public = middleware(rf.get("/admin/pages/"))  # no longer the admin: the strict policy
    assert "'unsafe-inline'" not in public["Content-Security-Policy"]
