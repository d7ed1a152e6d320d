"""The case page: what it shows, built with as few reads as it can (see docs/adr/0007)."""

from __future__ import annotations

import re
from datetime import date

from django.core.cache import cache
from django.urls import reverse

from ehcp.web.caching import member_key
from ehcp.web.cases import queries, services
from ehcp.web.people.models import Carer

from .conftest import TODAY, make_member


def page(client, case) -> str:
    response = client.get(reverse("case", args=[case.reference]))
    assert response.status_code == 200
    return response.content.decode()


def timeline(html: str) -> list[str]:
    """The timeline's items as text, in the order shown."""
    items = re.findall(r'<li class="app-timeline__item[^"]*">(.*?)</li>', html, re.S)
    texts = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item)).strip() for item in items]
    return [text.replace(" :", ":") for text in texts]


def test_the_timeline_shows_events_and_deadlines_in_date_order(signed_in, case):
    html = page(signed_in, case)
    items = timeline(html)
    assert items[0].startswith("1 June 2026: Request received")
    assert "Recorded by Caseworker User" in items[0]
    due = [item for item in items if ": due – " in item]
    # Monday 1 June 2026 + 6 weeks = Monday 13 July 2026 (A1), shown with its status.
    assert any(item.startswith("13 July 2026: due – ") and "Overdue" in item for item in due)
    dates = [date.fromisoformat(d) for d in re.findall(r'<time datetime="([\d-]+)"', html)]
    assert dates == sorted(dates)


def test_timeline_text_is_escaped(signed_in, case, caseworker):
    # Advice asked for on Monday 8 June 2026, on a request received Monday 1 June 2026.
    note = '<script>alert("x")</script>'
    new = services.NewEvent(
        date(2026, 6, 8), "advice_requested", "health", party="<b>EP</b>", note=note
    )
    services.record_event(case, caseworker, new, TODAY)
    html = page(signed_in, case)
    assert "<script>alert" not in html
    assert re.search(r"&lt;script&gt;alert\((&quot;|&#34;)x(&quot;|&#34;)\)&lt;/script&gt;", html)
    assert "&lt;b&gt;EP&lt;/b&gt;" in html


def test_retract_forms_only_for_those_who_may_change_the_case(client, council, case):
    client.force_login(make_member(council, "read_only"))
    assert "Retract" not in page(client, case)
    client.force_login(make_member(council, "manager"))
    html = page(client, case)
    event = case.events.get()
    assert f'action="/cases/{case.reference}/events/{event.pk}/retract/"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_retracted_event_is_struck_through_without_a_second_retract_button(
    signed_in, case, caseworker
):
    # Advice asked for on Monday 8 June 2026, then retracted.
    row = services.record_event(
        case, caseworker, services.NewEvent(date(2026, 6, 8), "advice_requested", "health"), TODAY
    )
    services.retract_event(case, caseworker, row, TODAY)
    html = page(signed_in, case)
    assert "app-timeline__item--retracted" in html
    assert html.count(f"/events/{row.pk}/retract/") == 0
    assert "Retraction" in html


def test_caseworker_and_recorder_names(signed_in, council, case, caseworker):
    assert "Caseworker User" in page(signed_in, case)
    colleague = make_member(council, "manager")
    # A colleague records advice asked for on Monday 8 June 2026.
    new = services.NewEvent(date(2026, 6, 8), "advice_requested", "health")
    services.record_event(case, colleague, new, TODAY)
    # A member who joined after the names were kept is still named.
    assert "Recorded by Manager User" in page(signed_in, case)
    # A request received Monday 7 September 2026 for a child born Monday 4 January 2016.
    unassigned = services.open_request(
        council,
        caseworker,
        services.NewRequest(
            first_name="Sam",
            last_name="Example",
            date_of_birth=date(2016, 1, 4),
            received_on=date(2026, 9, 7),
        ),
        TODAY,
    )
    assert "Not assigned" in page(signed_in, unassigned)


def test_sections_are_read_only_when_they_have_rows(signed_in, case, caseworker):
    assert queries.sections_with_rows(case) == (False, False, False)
    html = page(signed_in, case)
    assert "No exceptions recorded." in html
    assert "No documents uploaded." in html
    # Exception E3 from Monday 15 June 2026.
    exception = services.NewException("E3", date(2026, 6, 15), evidence="Child abroad until July")
    services.record_exception(case, caseworker, exception, TODAY)
    assert queries.sections_with_rows(case) == (True, False, False)
    assert "E3 from 15 June 2026. Evidence: Child abroad until July" in page(signed_in, case)


def test_the_signed_in_member_is_kept_in_a_shared_cache_and_forgotten_on_change(
    client, council, caseworker, case, settings, django_assert_max_num_queries
):
    settings.SHARED_CACHE = True
    client.force_login(caseworker)
    page(client, case)
    assert cache.get(member_key(caseworker.pk)) is not None
    # The session, the case, its events, sections and carers, the audit entry: no user read.
    with django_assert_max_num_queries(7):
        page(client, case)
    caseworker.membership.role = "read_only"
    caseworker.membership.save()
    assert cache.get(member_key(caseworker.pk)) is None
    assert client.get(reverse("new-request")).status_code == 403
    caseworker.is_active = False
    caseworker.save()
    assert client.get(reverse("case", args=[case.reference])).status_code == 302


def test_a_per_process_cache_never_keeps_the_member(client, caseworker, case, settings):
    settings.SHARED_CACHE = False
    client.force_login(caseworker)
    page(client, case)
    assert cache.get(member_key(caseworker.pk)) is None


def test_parents_and_carers_are_listed_in_the_order_recorded(signed_in, case):
    assert "None recorded" in page(signed_in, case)
    Carer.objects.create(child=case.child, name="Zoe Example", relationship="Mother")
    Carer.objects.create(child=case.child, name="Adam <Example>")
    html = page(signed_in, case)
    zoe = html.index('<h3 class="govuk-summary-card__title">Zoe Example</h3>')
    assert zoe < html.index('<h3 class="govuk-summary-card__title">Adam &lt;Example&gt;</h3>')
    assert "Mother" in html
    assert "None recorded" not in html


def test_events_of_reads_the_timeline_in_the_order_it_happened(case, caseworker):
    # Two events on Monday 8 June 2026: the one recorded first comes first.
    for kind in ("health", "school"):
        new = services.NewEvent(date(2026, 6, 8), "advice_requested", kind)
        services.record_event(case, caseworker, new, TODAY)
    events = queries.events_of(case)
    assert [e.name for e in events] == ["request_received", "advice_requested", "advice_requested"]
    assert [e.kind for e in events if e.date == date(2026, 6, 8)] == ["health", "school"]


def test_carers_of_reads_the_childs_carers(case):
    Carer.objects.create(child=case.child, name="Zoe Example", phone="07700 900000")
    (carer,) = queries.carers_of(case.child)
    assert (carer.name, carer.relationship, carer.phone) == ("Zoe Example", "", "07700 900000")
    assert not hasattr(carer, "child_id")  # only what the page shows
