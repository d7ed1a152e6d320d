"""WSGI entry point for production servers, e.g. `gunicorn ehcp.web.config.wsgi`."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ehcp.web.config.settings")
application = get_wsgi_application()

# Served over HTTPS (secure cookies) and not in debug mode is production: it must have its
# own SECRET_KEY, never the development one everyone can read in the source.
if (
    settings.SECURE_COOKIES
    and not settings.DEBUG
    and settings.SECRET_KEY == settings.DEV_SECRET_KEY
):
    raise ImproperlyConfigured("Set SECRET_KEY: production needs its own secret key.")
