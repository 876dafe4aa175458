"""Settings shared by every environment. Everything that varies comes from the environment."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import (
    email_config,
    env_bool,
    env_int,
    env_list,
    env_str,
    frontend_cache_config,
    tasks_config,
)
from .storage import media_s3_config

# site/settings/base.py -> the project root (where manage.py lives)
BASE_DIR = Path(__file__).resolve().parents[2]

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first, so their templates and commands win.
    "maison.users",
    "maison.images",
    "maison.core",
    "maison.services",
    "events",
    "maison.activities",
    "directory",
    "maison.search",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "recurrence",
    "csp",
    # Django. `django.contrib.admin` is not routed: it is installed for the jQuery that
    # django-recurrence's widget needs inside the Wagtail admin.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that a hit skips everything else and a miss sees the finished response
    # (cookies, security headers). See maison/core/page_cache.py.
    "maison.core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "maison.core.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Site and page of a Wagtail URL from the cache (maison/core/route_cache.py).
    "maison.core.route_cache.RouteCacheMiddleware",
]

ROOT_URLCONF = "maison.urls"
WSGI_APPLICATION = "maison.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, or a SQLite file in the project (the embedded default).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every write transaction takes the write lock at BEGIN, so a check-then-insert
    # (room bookings) cannot interleave with another writer.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"transaction_mode": "IMMEDIATE", "timeout": 20})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Cache: Redis when REDIS_URL is set (django-redis), process memory otherwise.
# When Redis is down, every cache operation fails fast (half a second at most) and counts
# as a miss instead of raising: pages, navigation and Wagtail's own caches still render
# (from the database), rate limits let requests through (see core/ratelimit.py) and
# /healthz answers 503. The failures are logged by the "maison.cache" logger.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "maison",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "maison.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Page cache (maison/core/page_cache.py): whole public pages for anonymous visitors, in the
# cache above, dropped at once when content changes and after PAGE_CACHE_SECONDS anyway
# (also the s-maxage shared caches get). PAGE_CACHE_ENABLED=false turns off storing (the
# Cache-Control headers stay). PAGE_CACHE_PROXY_SECONDS, when set, is sent as
# X-Accel-Expires: how long nginx may keep a page (it cannot be purged on publish).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Time-dependent sections shared by all visitors (the home's "next events" and "this
# week"): rendered once per slot of this many seconds and content version; 0 turns it off.
SECTION_CACHE_SECONDS = env_int("SECTION_CACHE_SECONDS", 300)
# Cached page regions (head extras and main content, core.content_cache.region_cached):
# for anonymous visitors, under the page cache's rules, per URL, version and section slot.
CONTENT_CACHE_ENABLED = env_bool("CONTENT_CACHE_ENABLED", True)
PAGE_CACHE_PROXY_SECONDS = env_int("PAGE_CACHE_PROXY_SECONDS", -1)  # -1: no X-Accel-Expires
PAGE_CACHE_MAX_QUERY_LENGTH = 200  # longer query strings are rendered, never stored
PAGE_CACHE_SKIP_PARAMS = ("q",)  # free-text search terms are never stored
# CDN / purging proxy invalidation (wagtail.contrib.frontend_cache, see
# maison/core/frontend_cache.py): off unless a FRONTEND_CACHE_* variable is set.
WAGTAILFRONTENDCACHE = frontend_cache_config()
WAGTAILFRONTENDCACHE_LANGUAGES = []  # purge translations at their own URLs (frontend_cache.py)

# Email: EMAIL_URL (console by default, so nothing leaves a developer's machine).
globals().update(email_config(env_str("EMAIL_URL")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", globals().get("DEFAULT_FROM_EMAIL"))
DEFAULT_FROM_EMAIL = DEFAULT_FROM_EMAIL or "prevention-noreply@example.org"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Internationalisation: French first, then Dutch and English.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Django serves media itself only in development and tests; nginx (or S3) does in production.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Wagtail
WAGTAIL_SITE_NAME = "Prévention Ixelles"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests, admin included
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the dashboard would call releases.wagtail.org
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # PostgreSQL full-text search with one configuration per language (accents
        # ignored, words stemmed) on PostgreSQL; SQLite FTS5 otherwise.
        "BACKEND": "maison.search.backends",
    }
}
WAGTAILEMBEDS_FINDERS = []  # embeds would fetch third-party content
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_PASSWORD_RESET_ENABLED = True
ADMIN_PATH = env_str("ADMIN_PATH", "admin").strip("/")
# Failed admin logins allowed per client and 15 minutes before a 429 page.
ADMIN_LOGIN_RATE_LIMIT = env_int("ADMIN_LOGIN_RATE_LIMIT", 10)

# Content-Security-Policy (django-csp 4). Public pages: our own files only, no inline
# script or style, nothing from third parties. JSON-LD blocks are data, not scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (and the page previews it frames) under /<ADMIN_PATH>/: inline scripts
# and styles, images from blobs (uploads), frames of its own previews. Still no third party.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# Two-factor authentication for staff (django-otp: TOTP apps plus single-use backup codes).
# Everyone who can open the Wagtail admin must confirm a code from an authenticator app
# once per session before any admin page (maison.users.two_factor). Development turns it
# off (dev.py) so the demo login works without a phone; staff may still opt in there.
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "maison.users.two_factor.middleware.StaffTwoFactorMiddleware",
)
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", True)
# Wrong codes allowed per client and 15 minutes on the 2FA pages before a 429 page (on top
# of django-otp's per-device throttling, which doubles the wait after each wrong code).
ADMIN_2FA_RATE_LIMIT = env_int("ADMIN_2FA_RATE_LIMIT", 10)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name staff see in their authenticator app

# Room bookings: personal data (partner contact, purpose, who booked) is removed this many
# months after the booked date by ``manage.py purge_personal_data``.
BOOKINGS_RETENTION_MONTHS = env_int("BOOKINGS_RETENTION_MONTHS", 12)
if BOOKINGS_RETENTION_MONTHS < 1:
    raise ImproperlyConfigured("BOOKINGS_RETENTION_MONTHS must be at least 1.")

# django-recurrence: rules are kept in wall time; the series stores its own local start.
RECURRENCE_USE_TZ = False

# The neutral site that "quick exit" leaves for (editable in the site settings).
QUICK_EXIT_DEFAULT_URL = "https://www.meteo.be/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "keyvalue": {"()": "maison.core.logging.KeyValueFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        "maison": {"level": "INFO"},
        "events": {"level": "INFO"},
        "directory": {"level": "INFO"},
        # The request line holds the query string, and so search terms: never log it.
        "django.server": {"handlers": [], "propagate": False},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}

# -- Uploads policy ----------------------------------------------------------------------
# Images: raster formats only. SVG is refused (it can carry scripts and Wagtail does not
# sanitise it); Willow reads the content, so a file whose format does not match its
# extension (an SVG renamed .png, a PNG named .svg) is refused as well.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# 10 MB per file (nginx accepts 20 MB bodies) and 40 megapixels: decoding a bigger image
# for its renditions would take more memory than a worker has.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents: office and text formats only; no HTML, SVG, XML, scripts or archives, which
# a browser could run or which could hide anything.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "odt",
    "ods",
    "odp",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "rtf",
    "txt",
    "csv",
]
# Documents are served by Wagtail's view (WAGTAILDOCS_SERVE_METHOD above) after its
# collection privacy checks, with "X-Content-Type-Options: nosniff" and "default-src 'none'".
# PDFs open in the browser's viewer (no copy left in a shared computer's Downloads folder);
# every other type is a download ("Content-Disposition: attachment").
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

# -- Media storage -----------------------------------------------------------------------
# Local disk (MEDIA_ROOT) by default; S3-compatible object storage when MEDIA_S3_BUCKET is
# set (maison/settings/storage.py and docs/DEPLOYMENT.md "Media and documents": originals
# and documents private, renditions public under images/).
# Renditions have their own storage alias so that it can differ from the originals'.
STORAGES["renditions"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
_media_s3 = media_s3_config()
if _media_s3 is not None:
    STORAGES.update(_media_s3.storages)
    for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        _policy["DIRECTIVES"]["img-src"] = [*_policy["DIRECTIVES"]["img-src"], *_media_s3.origins]

# -- Background tasks --------------------------------------------------------------------
# django-tasks (the backport of Django 6's tasks, which Wagtail 8 uses for its search
# and reference indexes, file deletions and focal points) and every email the site sends
# (maison/core/tasks.py). TASKS_BACKEND: "immediate" runs a task in the process that
# enqueues it (development, tests); "database" stores it for `manage.py db_worker`
# (production's default, see production.py and docs/DEPLOYMENT.md "Background tasks").
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = tasks_config(env_str("TASKS_BACKEND", "immediate"))
