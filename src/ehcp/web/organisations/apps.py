from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "ehcp.web.organisations"
    label = "organisations"
