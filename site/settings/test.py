"""Test settings: fast hashing, in-memory email and cache, plain static storage."""

from .base import *  # noqa: F403
from .base import DATABASES
from .env import env_bool

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
SERVE_MEDIA = True

# Two-factor authentication is enforced in the tests as in production; tests/conftest.py
# makes ``client.force_login`` also pass the second factor (see maison.users.two_factor.testing).
STAFF_2FA_REQUIRED = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: browser and concurrency tests use several threads.
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}  # noqa: F405

# Page cache: off by default, so that a test that requests a page twice measures (and
# inspects the context of) a real render; tests/core/test_page_cache.py turns it on.
# `PAGE_CACHE_ENABLED=1 make test` runs the whole suite with it on, to hunt staleness.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
# Cached page regions: off for the same reason; tests/core/test_region_cache.py turns them on.
CONTENT_CACHE_ENABLED = env_bool("CONTENT_CACHE_ENABLED", False)
# -- Background tasks: run where they are enqueued (tests that need the database backend or
# the dummy one switch with override_settings(TASKS=...)).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Renditions on the same local disk as the originals.
STORAGES["renditions"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
