"""Each public statistics page renders real figures for a visitor who is not signed in."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from ehcp.stats import queries
from ehcp.web.audit.models import AuditEntry

from ..conftest import make_member
from .conftest import BRISTOL, TWENTY_WEEKS, table_rows, text_of

EXCLUDING = "plans_within_20_weeks_excl_exceptions_pct"


def profile(code: str = BRISTOL, **query: str) -> str:
    """The council's all-indicators page (its first page shows only the key indicators)."""
    url = reverse("statistics-council", args=[code, "indicators"])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_index_lists_councils_by_region_and_links_league_tables(client):
    response = client.get(reverse("statistics"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<optgroup label="South West">' in page
    assert '<option value="801">Bristol, City of</option>' in page
    assert "Cumbria (figures to 2023)" in text_of(response.content)
    assert reverse("statistics-league", args=[TWENTY_WEEKS, 2024]) in page
    assert "Open Government Licence v3.0" in page


def test_choosing_a_council_and_indicator_opens_its_profile(client):
    response = client.get(reverse("statistics"), {"council": BRISTOL, "indicator": TWENTY_WEEKS})
    assert response.status_code == 302
    expected = reverse("statistics-council", args=[BRISTOL]) + f"?indicator={TWENTY_WEEKS}"
    assert response["Location"] == expected


def test_choosing_no_council_explains_the_problem(client):
    response = client.get(reverse("statistics"), {"council": "", "indicator": ""})
    assert response.status_code == 400
    assert 'href="#council">Select a council</a>' in response.content.decode()


def test_the_profile_shows_bristol_2020_twenty_week_figures(client):
    response = client.get(profile())
    assert response.status_code == 200
    tables = table_rows(response.content)
    ids = [section.indicator.id for section in response.context["sections"]]
    # sen2_mi.csv, 2022 release, 2020: IncExc20weekRate over TotIncExcEHC and NoExc20weekRate
    # over TotNoExcEHC for Bristol, the South West and England.
    assert ["2020", "21.5% (n = 674)", "48.9% (n = 6,647)", "55.6% (n = 59,097)", ""] in tables[
        ids.index(TWENTY_WEEKS)
    ]
    assert ["2020", "21.9% (n = 661)", "51.4% (n = 6,235)", "58.0% (n = 54,175)", ""] in tables[
        ids.index(EXCLUDING)
    ]
    assert "Bristol, City of went from 0.0% in 2014 to 17.3% in 2024" in text_of(response.content)


def test_every_chart_is_named_described_and_followed_by_its_table(client):
    response = client.get(profile())
    page = response.content.decode()
    sections = response.context["sections"]
    assert len(sections) >= 20
    for section in sections:
        chart_id = f"{section.indicator.id}-chart"
        assert f'id="{chart_id}-title"' in page
        assert f'id="{chart_id}-description"' in page
        if section.chart.lines:
            assert (
                f'role="img" aria-labelledby="{chart_id}-title" '
                f'aria-describedby="{chart_id}-description"' in page
            )
    assert page.count("<svg") == sum(1 for s in sections if s.chart.lines)
    assert len(table_rows(response.content)) == len(sections)


def test_rates_chart_three_lines_told_apart_by_dash_and_marker(client):
    response = client.get(profile(indicator=TWENTY_WEEKS))
    (section,) = response.context["sections"]
    names = [line.name for line in section.chart.lines]
    assert names == ["Bristol, City of", "South West", "England"]
    assert len({(line.style.dash, line.style.marker) for line in section.chart.lines}) == 3
    page = response.content.decode()
    assert 'stroke-dasharray="8 5"' in page
    assert 'stroke-dasharray="2 4"' in page
    assert ">Series break</text>" in page


def test_the_series_break_is_marked_in_the_table(client):
    response = client.get(profile(indicator="caseload"))
    rows = table_rows(response.content)[0]
    marked = [row[0] for row in rows if row[-1] == "Series break"]
    assert marked == ["January 2023"]


def test_the_profile_csv_has_exactly_the_rows_shown(client):
    page = client.get(profile())
    download = client.get(profile(format="csv"))
    assert download["Content-Type"].startswith("text/csv")
    records = list(csv.DictReader(io.StringIO(download.content.decode())))
    shown = [
        (section.indicator.id, row.period[-4:])
        for section in page.context["sections"]
        for row in section.rows
    ]
    assert [(r["indicator"], r["year"]) for r in records] == shown
    bristol_2020 = {r["indicator"]: r["council_value"] for r in records if r["year"] == "2020"}
    assert bristol_2020[TWENTY_WEEKS] == "21.5"
    assert bristol_2020[EXCLUDING] == "21.9"


def test_one_indicator_csv_matches_its_table(client):
    page = client.get(profile(indicator=TWENTY_WEEKS))
    download = client.get(profile(indicator=TWENTY_WEEKS, format="csv"))
    records = list(csv.DictReader(io.StringIO(download.content.decode())))
    table = table_rows(page.content)[0]
    assert [r["year"] for r in records] == [row[0] for row in table]
    assert [f"{float(r['council_value']):.1f}%" for r in records] == [
        row[1].split(" (")[0] for row in table
    ]
    assert [f"{float(r['england_value']):.1f}%" for r in records] == [
        row[3].split(" (")[0] for row in table
    ]


def test_a_council_name_or_gss_code_redirects_to_its_la_code(client):
    for text in ("bristol", "E06000023"):
        response = client.get(profile(text, indicator=TWENTY_WEEKS))
        assert response.status_code == 301
        assert response["Location"] == profile(indicator=TWENTY_WEEKS)


def test_counts_chart_the_council_alone(client):
    response = client.get(profile(indicator="caseload"))
    (section,) = response.context["sections"]
    assert [line.name for line in section.chart.lines] == ["Bristol, City of"]
    assert "(totals, not charted)" in section.chart.description


def test_the_definitions_pages(client):
    listing = client.get(reverse("statistics-indicators"))
    assert listing.status_code == 200
    assert reverse("statistics-indicator", args=[TWENTY_WEEKS]) in listing.content.decode()
    detail = client.get(reverse("statistics-indicator", args=[TWENTY_WEEKS]))
    text = text_of(detail.content)
    assert "Percentage of EHC plans issued in the calendar year within the statutory 20" in text
    assert "timeliness_20_week.csv (person-level release layout), column " in text
    assert "2022 is the first figure from the person-level return" in text
    assert reverse("statistics-league", args=[TWENTY_WEEKS, 2014]) in detail.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/statistics/",
        "/statistics/councils/801/",
        "/statistics/indicators/",
        "/statistics/indicators/caseload/",
        "/statistics/league/caseload/2024/",
    ],
)
def test_pages_write_no_audit_entries_and_show_no_case_data(client, case, caseworker, url):
    before = AuditEntry.objects.count()
    anonymous = client.get(url)
    client.force_login(caseworker)
    member = client.get(url)
    assert anonymous.status_code == member.status_code == 200
    assert AuditEntry.objects.count() == before
    for response in (anonymous, member):
        page = response.content.decode()
        assert case.reference not in page
        assert "Testington" not in page


def test_the_statistics_link_is_in_the_navigation(client, db, council):
    assert 'href="/statistics/">Statistics</a>' in client.get("/sign-in/").content.decode()
    client.force_login(make_member(council, "read_only"))
    assert 'href="/statistics/">Statistics</a>' in client.get("/dashboard/").content.decode()


def test_league_order_and_quartiles_come_from_ehcp_stats(client, store):
    response = client.get(reverse("statistics-league", args=[TWENTY_WEEKS, 2023]))
    rows = table_rows(response.content)[0]
    expected = queries.rank(store, TWENTY_WEEKS, 2023)
    assert [(r[0], r[1], r[5]) for r in rows] == [
        (str(e.rank), e.council.name, str(e.quartile)) for e in expected
    ]


def test_england_has_its_own_page_with_dfes_figures(client):
    response = client.get(reverse("statistics-england", args=["indicators"]))
    assert response.status_code == 200
    ids = [section.indicator.id for section in response.context["sections"]]
    requests = table_rows(response.content)[ids.index("requests_received")]
    # requests.csv, 2025 release: England received 138,242 requests in 2023.
    assert ["2023", "138,242", ""] in requests
    assert '<h1 class="govuk-heading-l">England</h1>' in response.content.decode()


def test_a_region_page_sets_the_region_beside_england(client):
    response = client.get(reverse("statistics-region", args=["south-west", "indicators"]))
    assert response.status_code == 200
    ids = [section.indicator.id for section in response.context["sections"]]
    rows = table_rows(response.content)[ids.index(TWENTY_WEEKS)]
    # sen2_mi.csv, 2022 release, IncExc20weekRate for 2020: South West 48.9, England 55.6.
    assert ["2020", "48.9% (n = 6,647)", "55.6% (n = 59,097)", ""] in rows
    assert all(len(row) == 4 for row in rows)


@pytest.mark.parametrize("name", ["E12000009", "South West", "SOUTH-WEST"])
def test_a_region_named_otherwise_redirects_to_its_page(client, name):
    response = client.get(reverse("statistics-region", args=[name]))
    assert response.status_code == 301
    assert response["Location"] == reverse("statistics-region", args=["south-west"])


def test_an_unknown_region_is_explained(client):
    response = client.get(reverse("statistics-region", args=["atlantis"]))
    assert response.status_code == 404
    assert "No region called 'atlantis'. The regions are:" in text_of(response.content)


def test_a_council_links_to_its_region_and_the_index_to_every_region(client):
    council = client.get(profile()).content.decode()
    index = client.get(reverse("statistics")).content.decode()
    assert f'href="{reverse("statistics-region", args=["south-west"])}">South West</a>' in council
    assert index.count('href="/statistics/regions/') == 9
    assert f'href="{reverse("statistics-england")}"' in index
