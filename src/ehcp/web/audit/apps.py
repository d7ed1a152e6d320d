from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ehcp.web.audit"
    label = "audit"
