"""Static files: hashed names from `collectstatic`, served by WhiteNoise for a year."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.templatetags.static import static

from ehcp.web.frontend import assets


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }
    assets.install()
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_every_address_has_the_hash_of_its_content(collected):
    address = static("ehcp/app.css")
    assert re.fullmatch(r"/static/ehcp/app\.[0-9a-f]{12}\.css", address)
    assert (collected / address.removeprefix("/static/")).exists()
    css = static("govuk/govuk-frontend.min.css")
    assert re.fullmatch(r"/static/govuk/govuk-frontend\.min\.[0-9a-f]{12}\.css", css)
    assert type(staticfiles_storage._wrapped).__name__ == "CompressedManifestStaticFilesStorage"
