"""WSGI entry point for gunicorn: `gunicorn maison.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maison.settings.production")

application = get_wsgi_application()
