from django.urls import include, path

from ehcp.web.frontend.urls import urlpatterns as casework

urlpatterns = [*casework, path("statistics/", include("ehcp.web.statistics.urls"))]

__all__ = ["urlpatterns"]
