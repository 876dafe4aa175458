"""A small cache-based rate limiter for public forms.

Counts requests per client in fixed windows. The client is a salted SHA-256 hash of its
IP address, so no address is stored in the cache. With several processes the cache must be
shared (Redis via REDIS_URL); the in-process default counts per process. When Redis is
down the limits fail open: requests go through (and a warning is logged) rather than every
form answering 429 or 500.

The Wagtail admin's login and password-reset forms are limited in ``maison/urls.py``
(``ADMIN_LOGIN_RATE_LIMIT`` failed attempts per 15 minutes, ``failure_ratelimit``).

Usage in a view or a page's ``serve``::

    LIMIT = RateLimit("technoprevention", limit=10, period=3600)
    if request.method == "POST" and LIMIT.exceeded(request):
        return rate_limited_response(request, LIMIT)
"""

import hashlib
import logging
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)

# Behind a reverse proxy, set RATELIMIT_IP_HEADER (e.g. "HTTP_X_REAL_IP") to the header
# that the proxy sets; never trust a client-supplied X-Forwarded-For by default.
DEFAULT_IP_HEADER = "REMOTE_ADDR"


def client_fingerprint(request) -> str:
    header = getattr(settings, "RATELIMIT_IP_HEADER", DEFAULT_IP_HEADER)
    ip = request.META.get(header) or request.META.get("REMOTE_ADDR") or "unknown"
    ip = ip.split(",")[0].strip()
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit: int
    period: int  # seconds

    def key(self, request) -> str:
        return f"ratelimit:{self.scope}:{client_fingerprint(request)}"

    def hit(self, request) -> int:
        """Count one request and return how many this client made in the window."""
        key = self.key(request)
        cache.add(key, 0, timeout=self.period)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.period)
            return 1
        if count is None:
            # The cache is down (django-redis ignores the error and returns None): fail
            # open, so that people can still send a form; /healthz reports the outage.
            logger.warning("event=ratelimit_unavailable scope=%s", self.scope)
            return 0
        return count

    def count(self, request) -> int:
        """How many requests this client made in the window, without counting this one."""
        return cache.get(self.key(request), 0)

    def exceeded(self, request) -> bool:
        """Count this request; True when it is over the limit."""
        return self.hit(request) > self.limit

    def reset(self, request) -> None:
        cache.delete(self.key(request))


def rate_limited_response(request, rate_limit: RateLimit) -> TemplateResponse:
    response = TemplateResponse(
        request,
        "429.html",
        {"retry_minutes": max(1, rate_limit.period // 60)},
        status=429,
    )
    response["Retry-After"] = str(rate_limit.period)
    return response


def ratelimit(scope: str, limit: int, period: int, methods=("POST",)):
    """View decorator: answer 429 once a client exceeds ``limit`` requests per ``period``."""
    rate_limit = RateLimit(scope, limit, period)

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and rate_limit.exceeded(request):
                return rate_limited_response(request, rate_limit)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def failure_ratelimit(scope: str, limit: int, period: int):
    """View decorator for login forms: count only failed POSTs (the form shown again instead
    of a redirect) and answer 429 once a client reaches ``limit`` failures per ``period``,
    before the credentials are even checked. Successful logins cost nothing."""
    rate_limit = RateLimit(scope, limit, period)

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            if rate_limit.count(request) >= limit:
                return rate_limited_response(request, rate_limit)
            response = view(request, *args, **kwargs)
            if response.status_code < 300 or response.status_code >= 400:
                rate_limit.hit(request)
            return response

        return wrapped

    return decorator
