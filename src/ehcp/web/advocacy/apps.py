from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "ehcp.web.advocacy"
    label = "advocacy"
    verbose_name = "Advocacy workspace"
