from django.apps import AppConfig


class CheckConfig(AppConfig):
    name = "ehcp.web.check"
    label = "check"
    verbose_name = "Check your child's EHC dates"
