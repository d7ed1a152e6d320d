from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ehcp.web.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from ehcp.web.caching import forget_member, forget_organisation_members
        from ehcp.web.organisations.models import Membership, Organisation

        for model in (get_user_model(), Membership):
            post_save.connect(forget_member, sender=model, dispatch_uid=f"forget-{model}")
            post_delete.connect(forget_member, sender=model, dispatch_uid=f"forget-{model}-x")
        post_save.connect(forget_organisation_members, sender=Organisation)
