"""Settings shared by every environment. Everything that varies comes from the environment."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import email_config, env_bool, env_int, env_list, env_str

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

# Cache: Redis when REDIS_URL is set, process memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "maison",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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
STATIC_ROOT = BASE_DIR / "var" / "static"
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
