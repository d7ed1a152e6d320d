"""Static file addresses are worked out once per process, and still follow the settings."""

from __future__ import annotations

from django.contrib.staticfiles.storage import StaticFilesStorage, staticfiles_storage
from django.templatetags.static import static

from ehcp.web.config.storage import StaticStorage


def test_the_addresses_are_those_django_gives():
    for name in ["ehcp/app.css", "govuk/assets/images/favicon.ico", "a file?.css", ""]:
        assert StaticStorage().url(name) == StaticFilesStorage().url(name)


def test_the_address_is_kept_for_the_next_request():
    storage = StaticStorage()
    assert storage.url("ehcp/app.css") is storage.url("ehcp/app.css")


def test_the_app_uses_it_and_a_change_of_static_url_takes_effect(settings):
    assert static("ehcp/app.css") == "/static/ehcp/app.css"
    assert type(staticfiles_storage._wrapped) is StaticStorage
    settings.STATIC_URL = "/assets/"
    assert static("ehcp/app.css") == "/assets/ehcp/app.css"
