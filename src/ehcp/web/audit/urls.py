from django.urls import path

from ehcp.web.audit import views

urlpatterns = [path("audit/", views.audit_log, name="audit")]
