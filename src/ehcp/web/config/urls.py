from django.urls import include, path

from ehcp.web.frontend.urls import urlpatterns as casework

urlpatterns = [
    *casework,
    path("statistics/", include("ehcp.web.statistics.urls")),
    path("check/", include("ehcp.web.check.urls")),
]

__all__ = ["urlpatterns"]
