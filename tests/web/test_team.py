from django.urls import reverse

from ehcp.web.organisations.models import Membership, Role


def test_an_administrator_adds_a_member_who_is_invited_and_has_no_password(
    client, members, mailoutbox
):
    client.force_login(members[Role.ADMINISTRATOR])
    data = {
        "email": "New.Person@Example.com",
        "first_name": "New",
        "last_name": "Person",
        "role": "read_only",
    }
    response = client.post(reverse("add-member"), data, follow=True)
    message = [str(m) for m in response.context["messages"]][0]
    assert message == "We have sent an invitation to new.person@example.com"
    membership = Membership.objects.get(user__email="new.person@example.com")
    assert membership.role == Role.READ_ONLY
    assert membership.organisation == members[Role.ADMINISTRATOR].membership.organisation
    assert not membership.user.has_usable_password()
    assert [m.to for m in mailoutbox] == [["new.person@example.com"]]
    assert "/invitation/" in mailoutbox[0].body


def test_an_administrator_changes_a_role_and_deactivates(client, members):
    client.force_login(members[Role.ADMINISTRATOR])
    target = members[Role.CASEWORKER]
    client.post(reverse("edit-member", args=[target.membership.pk]), {"role": "manager"})
    target.refresh_from_db()
    target.membership.refresh_from_db()
    assert target.membership.role == Role.MANAGER
    assert not target.is_active


def test_administrators_cannot_lock_themselves_out(client, members):
    admin = members[Role.ADMINISTRATOR]
    client.force_login(admin)
    client.post(reverse("edit-member", args=[admin.membership.pk]), {"role": "read_only"})
    admin.membership.refresh_from_db()
    assert admin.membership.role == Role.ADMINISTRATOR


def test_managers_read_the_audit_log_of_their_own_organisation_only(client, members, other_case):
    client.force_login(members[Role.MANAGER])
    body = client.get(reverse("audit")).content.decode()
    assert other_case.reference not in body
