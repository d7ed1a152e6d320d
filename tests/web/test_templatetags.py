from datetime import date, timedelta

from django.template.defaultfilters import date as django_date

from ehcp.web.frontend.templatetags.govuk import iso_date, long_date, short_date


def test_fast_date_filters_match_djangos():
    day = date(2025, 12, 25)
    for _ in range(400):
        day += timedelta(days=1)
        assert long_date(day) == django_date(day, "j F Y")
        assert short_date(day) == django_date(day, "j M Y")
        assert iso_date(day) == django_date(day, "Y-m-d")
    assert long_date(None) == short_date(None) == iso_date(None) == ""
