"""Every page: each app's own URLs, and the two that belong to none."""

from django.urls import include, path

from ehcp.web.config import views

# The public pages under their own prefixes come before the apps mounted at the root: Django
# tries the patterns in order, and the checker's pages were found only after the other apps'
# seventy (about 5% of its result page, ADR 0026). No root app has a path under either prefix.
urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("check/", include("ehcp.web.check.urls")),
    path("statistics/", include("ehcp.web.statistics.urls")),
    path("", include("ehcp.web.accounts.urls")),
    path("", include("ehcp.web.cases.urls")),
    path("", include("ehcp.web.audit.urls")),
    path("", include("ehcp.web.advocacy.urls")),
    path("", include("ehcp.web.reminders.urls")),
    path("", include("ehcp.web.jobs.urls")),
]
