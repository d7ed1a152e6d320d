from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "ehcp.web.jobs"
    label = "jobs"
    verbose_name = "Background jobs"
