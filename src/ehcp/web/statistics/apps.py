from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "ehcp.web.statistics"
    label = "statistics"
