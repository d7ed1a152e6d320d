from django.apps import AppConfig


class FrontendConfig(AppConfig):
    name = "ehcp.web.frontend"
    label = "frontend"
