"""Small views of the core app: robots.txt and the health check."""

import logging
import secrets
import time

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /" + reverse("wagtailadmin_home").strip("/") + "/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not return 1")


def _check_cache() -> None:
    key = f"healthz:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the value read back differs from the value written")
    finally:
        cache.delete(key)


CHECKS = {"database": _check_database, "cache": _check_cache}


@never_cache
@require_GET
def healthz(request):
    """200 {"status": "ok", ...} when the database and the cache answer, else 503.

    For load balancers and monitoring: no language prefix, no session, no personal data,
    and the failure detail goes to the log, not to the (public) response.
    """
    results = {}
    for name, check in CHECKS.items():
        start = time.perf_counter()
        try:
            check()
        except Exception as exc:  # any failure means "not healthy", never a 500
            logger.error("event=healthz_failed check=%s error=%s", name, type(exc).__name__)
            results[name] = "error"
        else:
            results[name] = "ok"
        logger.debug("event=healthz check=%s ms=%.1f", name, (time.perf_counter() - start) * 1000)
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503
    )
