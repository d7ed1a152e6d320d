from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "ehcp.web.reminders"
    label = "reminders"
    verbose_name = "Reminders, calendar feeds and planning"
