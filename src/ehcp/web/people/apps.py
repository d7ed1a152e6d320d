from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "ehcp.web.people"
    label = "people"
