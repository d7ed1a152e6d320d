from ehcp.web.frontend.urls import urlpatterns

__all__ = ["urlpatterns"]
