"""Public statistics pages. Every view is deliberately `Perm.PUBLIC` (see `views.public_page`)."""

from django.urls import path

from ehcp.web.statistics import views

# fmt: off

urlpatterns = [
    path("", views.index, name="statistics"),
    path("councils/<str:code>/", views.council_profile, name="statistics-council"),
    path("councils/<str:code>/<str:section>/", views.council_profile,
         name="statistics-council-section"),
    path("england/", views.england_profile, name="statistics-england"),
    path("england/<str:section>/", views.england_profile, name="statistics-england-section"),
    path("regions/<str:name>/", views.region_profile, name="statistics-region"),
    path("regions/<str:name>/<str:section>/", views.region_profile,
         name="statistics-region-section"),
    path("map/", views.england_map, name="statistics-map"),
    path("indicators/", views.indicator_list, name="statistics-indicators"),
    path("indicators/<str:indicator_id>/", views.indicator_detail, name="statistics-indicator"),
    path("league/<str:indicator_id>/<int:year>/", views.league_table, name="statistics-league"),
]
# fmt: on
