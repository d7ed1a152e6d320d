"""A place's plans by setting, primary need, age and sex on the web: chart, table and CSV.

Expected figures are DfE's, read from the shared archives (caseload.csv and
sen_needs_all_plans.csv of the reporting year 2025 release)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from .conftest import BRISTOL, table_rows, text_of


def page(section: str, code: str = BRISTOL) -> str:
    return reverse("statistics-council", args=[code, section])


def test_bristol_by_setting_shows_dfes_counts_and_shares(client):
    response = client.get(page("setting"))
    assert response.status_code == 200
    table = table_rows(response.content)[0]
    # caseload.csv 2018/19, Bristol: mainstream_total 601, mainstream_total_pc 26.4;
    # ehcplans 2,280; fe_total 523, fe_total_pc 22.9.
    assert table[0][:2] == ["Mainstream school", "601 (26.4%)"]
    assert ["Further education", "523 (22.9%)"] == table[5][:2]
    assert table[-1][:2] == ["All plans (the base)", "2,280"]
    chart = response.content.decode()
    assert 'role="img" aria-labelledby="setting-chart-title"' in chart
    assert chart.count("<polyline") >= 7


def test_a_single_year_is_drawn_as_bars(client):
    response = client.get(page("need"))
    content = response.content.decode()
    # sen_needs_all_plans.csv 2024/25, Bristol: number_asd 1,603, asd_pc 32.5.
    assert "1,603 (32.5%)" in content
    assert content.count("<rect") == 12
    assert "Published for January 2025 only" in text_of(response.content)


@pytest.mark.parametrize("section", ["setting", "need", "age", "sex"])
def test_every_breakdown_downloads_the_rows_its_table_shows(client, section):
    shown = client.get(page(section))
    download = client.get(page(section) + "?format=csv")
    assert download["Content-Type"].startswith("text/csv")
    records = list(csv.DictReader(io.StringIO(download.content.decode())))
    table = table_rows(shown.content)[0]
    categories = [row[0] for row in table if row[0] != "All plans (the base)"]
    assert sorted({r["category"] for r in records}) == sorted(categories)


def test_england_and_regions_have_the_breakdowns_too(client):
    england = client.get(reverse("statistics-england", args=["sex"]))
    region = client.get(reverse("statistics-region", args=["south-west", "age"]))
    assert england.status_code == region.status_code == 200
    # caseload.csv 2024/25, England: Female 187,502 of 638,745 plans.
    assert "187,502 (29.4%)" in england.content.decode()


def test_the_first_page_shows_the_key_indicators_and_the_setting_chart(client):
    response = client.get(reverse("statistics-council", args=[BRISTOL]))
    ids = [section.indicator.id for section in response.context["sections"]]
    assert "plans_within_20_weeks_pct" in ids
    assert len(ids) <= 6
    content = response.content.decode()
    assert 'aria-labelledby="setting-chart-title"' in content
    assert 'aria-current="page">Summary</a>' in content
    headline = content.split('id="headline">')[1].split("</p>")[0]
    assert headline.startswith("Bristol, City of ranked ")
    assert "on the 20-week measure in 2024" in headline
    for section in ("indicators", "setting", "need", "age", "sex"):
        assert f'href="{page(section)}"' in content


def test_a_renamed_council_address_keeps_its_section(client):
    response = client.get(page("age", "bristol"))
    assert response.status_code == 301
    assert response["Location"] == page("age")
