"""gunicorn configuration: `gunicorn -c site/gunicorn.conf.py` (from the project root).

Every value can be overridden from the environment (GUNICORN_*), so one file serves the
production host, the CI smoke test and a laptop.
"""

import multiprocessing
import os

wsgi_app = "maison.wsgi:application"
# maison.wsgi defaults DJANGO_SETTINGS_MODULE to maison.settings.production.

# nginx proxies to this address; never expose gunicorn directly.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers plus a few threads each: pages are I/O-bound (PostgreSQL, Redis).
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 9)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# Load the app once in the master: workers fork with Django ready (and fail fast at start).
preload_app = True
# Trust X-Forwarded-* only from the local proxy.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips

# Logs to stdout/stderr (systemd's journal or the container runtime collects them).
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = os.environ.get("GUNICORN_ERRORLOG", "-")
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# One key=value line per request. Deliberately without the client address (personal data)
# and without the query string (search and finder terms): %(U)s is the path alone, and
# %(r)s / %(q)s / %(h)s / %(a)s / %(f)s must never be added here.
access_log_format = (
    'event=request method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s duration_ms=%(M)s'
)
# Worker heartbeat files in memory, not on a possibly slow disk.
SHM = "/dev/shm"  # noqa: S108 - heartbeat files only, no data
if os.path.isdir(SHM):
    worker_tmp_dir = SHM
