"""URLs: admin, health check and machine files at the root; public pages under /fr/ /nl/ /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LoginView, PasswordResetView
from wagtail.documents import urls as wagtaildocs_urls

from events.bookings.feeds import feed_view as booking_feed_view
from maison.core.ratelimit import failure_ratelimit, ratelimit
from maison.core.sitemaps import sitemap_view
from maison.core.views import healthz, robots_txt
from maison.search.views import search

# Before Wagtail's own patterns, at the same paths: the admin login counts failed attempts
# per client (hashed address) and the password-reset form every request; both answer 429
# past the limit. Counters live in the cache (Redis when REDIS_URL is set).
admin_login = failure_ratelimit(
    "admin-login", limit=settings.ADMIN_LOGIN_RATE_LIMIT, period=15 * 60
)(LoginView.as_view())
admin_password_reset = ratelimit("admin-password-reset", limit=5, period=60 * 60)(
    PasswordResetView.as_view()
)

urlpatterns = [
    path(f"{settings.ADMIN_PATH}/login/", admin_login),
    path(f"{settings.ADMIN_PATH}/password_reset/", admin_password_reset),
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # django-recurrence's admin widget reads its strings from this catalogue.
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["recurrence"]), name="javascript-catalog"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    # Private booking feeds: the token is the only key (see events/bookings/feeds.py).
    path("bookings/feed/<str:token>.ics", booking_feed_view, name="booking_feed"),
]

if settings.SERVE_MEDIA:
    # Development and tests (production: nginx or object storage). As in nginx, never
    # documents/: they are served by Wagtail's view above, after its privacy checks.
    import re

    from django.urls import re_path
    from django.views.static import serve as serve_media

    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?!documents/)(?P<path>.+)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
