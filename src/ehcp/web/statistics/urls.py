"""Public statistics pages. Every view is deliberately `Perm.PUBLIC` (see `views.public_page`)."""

from django.urls import path, re_path

from ehcp.web.statistics import views

# A place's first page, or one of its sections (`views.SECTIONS`): one name for both, so
# the permission table lists each kind of place once.
SECTION = r"(?:(?P<section>[^/]+)/)?$"

urlpatterns = [
    path("", views.index, name="statistics"),
    re_path(r"^councils/(?P<code>[^/]+)/" + SECTION, views.council_profile,
            name="statistics-council"),
    re_path(r"^england/" + SECTION, views.england_profile, name="statistics-england"),
    re_path(r"^regions/(?P<name>[^/]+)/" + SECTION, views.region_profile,
            name="statistics-region"),
    path("indicators/", views.indicator_list, name="statistics-indicators"),
    path("indicators/<str:indicator_id>/", views.indicator_detail, name="statistics-indicator"),
    path("league/<str:indicator_id>/<int:year>/", views.league_table, name="statistics-league"),
]  # fmt: skip
