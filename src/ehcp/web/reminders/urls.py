"""Calendar feeds and planning. Each view declares its permission (see
`accounts.permissions`); the feed alone is opened by its secret address, not a sign-in."""

from django.urls import path

from ehcp.web.reminders.views import feeds, planning

urlpatterns = [
    path("calendar/", feeds.subscription, name="calendar-subscription"),
    path("calendar/revoke/", feeds.revoke, name="calendar-revoke"),
    path("calendar/feed/<str:token>.ics", feeds.feed, name="calendar-feed"),
    path("cases/<str:reference>/deadlines.ics", feeds.case_calendar, name="case-calendar"),
    path("planning/reviews/", planning.reviews, name="review-planning"),
    path("planning/reviews/letters/", planning.review_letters, name="review-letters"),
    path("planning/phase-transfers/", planning.transfers, name="transfer-planning"),
]
