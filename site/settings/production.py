"""Production: secrets and hosts must come from the environment, HTTPS everywhere."""

import copy

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str, require, tasks_config

DEBUG = False
SECRET_KEY = require(
    "SECRET_KEY",
    "a long random string (python -c 'import secrets; print(secrets.token_urlsafe(50))').",
)
ALLOWED_HOSTS = [
    host.strip()
    for host in require(
        "ALLOWED_HOSTS", "a comma-separated list, e.g. prevention.ixelles.be"
    ).split(",")
    if host.strip()
]

# Behind nginx, which terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and monitoring probe the health check over plain HTTP on loopback.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Rate limits count per client: behind nginx every request comes from 127.0.0.1, so read
# the address nginx puts in X-Real-IP (it overwrites whatever the client sent).
RATELIMIT_IP_HEADER = env_str("RATELIMIT_IP_HEADER", "HTTP_X_REAL_IP")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Logs: one key=value line per record on stderr (gunicorn's access log, see
# site/gunicorn.conf.py, has the same shape). No personal data: the request log of the
# development server is off (base.py), gunicorn's leaves out addresses and query strings,
# and SQL (with its parameters: search terms, names) is never logged, whatever LOG_LEVEL.
LOGGING = copy.deepcopy(LOGGING)  # noqa: F405 - base's dict stays as it was
LOGGING["handlers"]["console"]["formatter"] = "keyvalue"
LOGGING["loggers"]["django.db.backends"] = {"level": "WARNING"}

# -- Background tasks --------------------------------------------------------------------
# Tasks (emails, Wagtail's reference index and file deletions) wait in the database for
# `manage.py db_worker` (a systemd service, docs/DEPLOYMENT.md "Background tasks"), so a
# request never waits on SMTP. TASKS_BACKEND=immediate runs them in the request instead.
TASKS = tasks_config(env_str("TASKS_BACKEND", "database"))
