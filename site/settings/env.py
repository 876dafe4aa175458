"""Read configuration from environment variables (12-factor): one place, typed helpers."""

import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value in (None, ""):
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def require(name: str, hint: str) -> str:
    """Return the variable or stop with an error that says what to set (no silent fallback)."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required: {hint}")
    return value


def email_config(url: str | None) -> dict:
    """Turn EMAIL_URL into Django email settings.

    Supported: ``console://`` (print to the terminal), ``locmem://`` (tests),
    ``dummy://`` (discard), ``smtp://user:password@host:port`` and ``smtps://`` /
    ``submission://`` (STARTTLS on 587) with optional ``?from=noreply@example.org``.
    """
    if not url:
        url = "console://"
    parsed = urlparse(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "submission": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parsed.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {parsed.scheme!r} is not supported; use one of {sorted(backends)}."
        )
    config = {"EMAIL_BACKEND": backends[parsed.scheme]}
    if parsed.scheme in {"smtp", "smtps", "submission"}:
        config.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or {"smtp": 25, "smtps": 465, "submission": 587}[parsed.scheme],
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=parsed.scheme == "smtps",
            EMAIL_USE_TLS=parsed.scheme == "submission",
        )
    query = parse_qs(parsed.query)
    if "from" in query:
        config["DEFAULT_FROM_EMAIL"] = query["from"][0]
    return config


def frontend_cache_config() -> dict | None:
    """Wagtail's ``WAGTAILFRONTENDCACHE`` from ``FRONTEND_CACHE_*`` variables; None (off)
    when none is set. Several may be set at once (e.g. a purging proxy and a CDN).

    - ``FRONTEND_CACHE_HTTP_URL``: a cache that accepts HTTP ``PURGE`` (Varnish, nginx with a
      purge module), e.g. ``http://127.0.0.1:6081/``;
    - ``FRONTEND_CACHE_CLOUDFLARE_ZONE_ID`` and ``FRONTEND_CACHE_CLOUDFLARE_TOKEN`` (an API
      token allowed to purge that zone);
    - ``FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID`` (credentials from the usual ``AWS_*``
      variables or the instance role);
    - ``FRONTEND_CACHE_HOSTNAMES``: comma-separated hosts the purges are for (default: all).
    """
    backends = {}
    url = env_str("FRONTEND_CACHE_HTTP_URL")
    if url:
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    zone = env_str("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID")
    token = env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN")
    if zone or token:
        if not (zone and token):
            raise ImproperlyConfigured(
                "Set both FRONTEND_CACHE_CLOUDFLARE_ZONE_ID and FRONTEND_CACHE_CLOUDFLARE_TOKEN."
            )
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    distribution = env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID")
    if distribution:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    hostnames = env_list("FRONTEND_CACHE_HOSTNAMES")
    if hostnames:
        for backend in backends.values():
            backend["HOSTNAMES"] = hostnames
    return backends or None


TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_config(name: str | None) -> dict:
    """TASKS for a TASKS_BACKEND value: ``immediate`` (run in the enqueuing process) or
    ``database`` (stored in PostgreSQL/SQLite for ``manage.py db_worker``)."""
    name = (name or "").strip().lower()
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND {name!r} is not supported; use one of {sorted(TASK_BACKENDS)}."
        )
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}
