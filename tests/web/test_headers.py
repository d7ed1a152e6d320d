"""Pages with personal data are never cached; production refuses the development key."""

from __future__ import annotations

import os
import subprocess
import sys

from django.urls import reverse


def test_pages_and_exports_are_not_stored(signed_in, case):
    for url in (
        reverse("dashboard"),
        reverse("case-list"),
        reverse("case", args=[case.reference]),
        reverse("export-case", args=[case.reference]),
        reverse("advice"),
    ):
        assert "no-store" in signed_in.get(url)["Cache-Control"], url


def test_hsts_over_https(signed_in):
    response = signed_in.get(reverse("dashboard"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_refuses_to_start_without_its_own_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "EHCP_DEBUG")}
    env |= {"EHCP_SECURE_COOKIES": "1", "DJANGO_SETTINGS_MODULE": "ehcp.web.config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import ehcp.web.config.wsgi"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr
