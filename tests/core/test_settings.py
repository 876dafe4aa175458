"""Configuration comes from the environment; production refuses to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from maison.settings.env import email_config

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env):
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    full_env = {k: v for k, v in os.environ.items() if k not in unset}
    full_env.update(env)
    full_env["DJANGO_SETTINGS_MODULE"] = "maison.settings.production"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", env={"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env={"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is required" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={"SECRET_KEY": "k" * 20 + "Z9#" + "q" * 40, "ALLOWED_HOSTS": "prevention.example.org"},
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_email_url_parsing():
    assert email_config(None)["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = email_config("submission://user%40x.org:p%40ss@mail.example.org?from=noreply@x.org")
    assert smtp["EMAIL_HOST"] == "mail.example.org"
    assert smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_USE_TLS"] is True
    assert smtp["EMAIL_HOST_USER"] == "user@x.org"
    assert smtp["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert smtp["DEFAULT_FROM_EMAIL"] == "noreply@x.org"
    with pytest.raises(ImproperlyConfigured, match="not supported"):
        email_config("pigeon://coop")
