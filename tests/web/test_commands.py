"""The management commands a deployment runs: the demo loader and the assets."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from ehcp.web.cases.models import Case
from ehcp.web.frontend import assets

from .conftest import TODAY


def test_the_demo_loads_once_and_prints_the_logins(db, capsys, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: TODAY)
    call_command("ehcp_demo", "--cases", "20", "--caseworkers", "2")
    out = capsys.readouterr().out
    assert "Loaded a synthetic council with 20 cases." in out
    assert "caseworker@demo.example" in out
    call_command("ehcp_demo", "--cases", "20")
    assert "demo not loaded again" in capsys.readouterr().out
    assert Case.objects.filter(organisation__la_code="999").count() == 20


def test_assets_are_copied_then_collected_under_hashed_names(settings, tmp_path, capsys):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }
    call_command("ehcp_assets")
    assert "Static files collected" in capsys.readouterr().out
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_missing_assets_say_how_to_install_them(settings, tmp_path):
    settings.NODE_MODULES = tmp_path / "none"
    with pytest.raises(CommandError, match="npm ci"):
        call_command("ehcp_assets")
    with pytest.raises(assets.AssetsMissingError):
        assets.install(tmp_path / "target")
