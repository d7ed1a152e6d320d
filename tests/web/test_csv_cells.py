"""Every CSV the app writes neutralises cells a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from ehcp.csvcells import safe_cell
from ehcp.stats.render import _csv
from ehcp.web.cases import services

from .conftest import TODAY

ATTACKS = ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_formula_is_written_as_text(attack):
    assert safe_cell(attack) == "'" + attack


@pytest.mark.parametrize("value", ["-3.5", "-1,200", 7, -2.0, "plain", "", None])
def test_numbers_and_plain_text_are_left_alone(value):
    assert safe_cell(value) == value


def test_the_case_timeline_export(signed_in, case, caseworker):
    for n, attack in enumerate(ATTACKS[:4]):
        new = services.NewEvent(date(2026, 6, 2 + n), "advice_requested", "health", attack)
        services.record_event(case, caseworker, new, TODAY)
    response = signed_in.get(reverse("export-case", args=[case.reference]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    parties = [row[3] for row in rows[1:] if row[3]]
    assert parties == ["'" + attack for attack in ATTACKS[:4]]


def test_the_statistics_csv():
    rows = list(csv.reader(io.StringIO(_csv(["name"], [["=1+1"], ["-5"]]))))
    assert rows == [["name"], ["'=1+1"], ["-5"]]
