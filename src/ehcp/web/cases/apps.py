from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "ehcp.web.cases"
    label = "cases"
