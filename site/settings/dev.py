"""Local development: DEBUG on, console email, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = True
INTERNAL_IPS = ["127.0.0.1"]
SERVE_MEDIA = True

# Page cache and cached page regions: off, so that template and code changes show at once
# (Cache-Control stays).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
CONTENT_CACHE_ENABLED = env_bool("CONTENT_CACHE_ENABLED", False)
# Two-factor authentication: off in development so `make run`'s printed demo login works
# without a phone (STAFF_2FA_REQUIRED=1 turns it on; staff can still opt in from their
# account page). base.py, production and the tests keep it on.
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", False)
