"""The member's calendar subscription, the feed it opens, and a case's own calendar file."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import queries
from ehcp.web.cases.views.common import today
from ehcp.web.reminders import feeds


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


NEW_ADDRESS = "reminders:new-feed-token"


@requires(Perm.VIEW_CASES)
def subscription(request: MemberRequest) -> HttpResponse:
    """Whether the member has a feed address, with buttons to make a new one or revoke it.
    A new address is kept in the session only until the page after it is made shows it
    once, so reloading that page neither shows it again nor makes another."""
    if request.method == "POST":
        request.session[NEW_ADDRESS] = feeds.issue_feed(request.user)
        return redirect("calendar-subscription")
    token = request.session.pop(NEW_ADDRESS, "")
    address = request.build_absolute_uri(reverse("calendar-feed", args=[token])) if token else ""
    context = {"feed": feeds.feed_of(request.user), "address": address}
    return render(request, "reminders/subscription.html", context)


@requires(Perm.VIEW_CASES)
@require_POST
def revoke(request: MemberRequest) -> HttpResponse:
    if feeds.revoke_feed(request.user):
        messages.success(request, "Your calendar address has been turned off")
    return redirect("calendar-subscription")


@requires(Perm.PUBLIC)
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself: the one page opened by its address alone, for calendar apps that
    cannot sign in. Every fetch is in the audit log, as its owner's."""
    owner = feeds.owner_of(token)
    if owner is None:
        raise Http404("No calendar has this address")
    audit(owner, "export", "Calendar feed fetched")
    return _calendar_response(feeds.member_calendar(owner, today()), "ehc-deadlines.ics")


@requires(Perm.VIEW_CASES)
def case_calendar(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    audit(request.user, "export", "Case deadlines calendar", case.reference)
    body = feeds.case_calendar(case, today())
    return _calendar_response(body, f"{case.reference}-deadlines.ics")
