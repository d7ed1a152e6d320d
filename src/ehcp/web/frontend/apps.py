from django.apps import AppConfig


class FrontendConfig(AppConfig):
    """The GOV.UK layout, components, template tags and assets every page uses."""

    name = "ehcp.web.frontend"
    label = "frontend"
