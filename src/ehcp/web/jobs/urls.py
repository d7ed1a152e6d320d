"""A background job's pages. Each view declares its permission (see `accounts.permissions`)."""

from django.urls import path

from ehcp.web.jobs import views

urlpatterns = [
    path("jobs/<uuid:job_id>/", views.job_status, name="job"),
    path("jobs/<uuid:job_id>/retry/", views.retry_job, name="retry-job"),
    path("jobs/<uuid:job_id>/download/", views.job_download, name="job-download"),
]
