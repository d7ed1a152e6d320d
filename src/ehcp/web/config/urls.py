"""Every page: each app's own URLs, and the two that belong to none."""

from django.urls import include, path

from ehcp.web.config import views

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("", include("ehcp.web.accounts.urls")),
    path("", include("ehcp.web.cases.urls")),
    path("", include("ehcp.web.audit.urls")),
    path("", include("ehcp.web.advocacy.urls")),
    path("", include("ehcp.web.reminders.urls")),
    path("", include("ehcp.web.jobs.urls")),
    path("statistics/", include("ehcp.web.statistics.urls")),
    path("check/", include("ehcp.web.check.urls")),
]
