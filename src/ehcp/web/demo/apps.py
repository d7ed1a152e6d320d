from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The synthetic demo council and its `ehcp_demo` command."""

    name = "ehcp.web.demo"
    label = "demo"
