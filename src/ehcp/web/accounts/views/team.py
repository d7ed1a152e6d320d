"""Team management for administrators: add members, change roles, deactivate."""

from __future__ import annotations

import secrets
from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ehcp.web.accounts.forms import MemberForm, RoleForm
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.caching import caseload_changed
from ehcp.web.frontend.components import form_errors
from ehcp.web.organisations.models import Membership, Organisation


def _members(organisation: Organisation) -> Any:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


@requires(Perm.MANAGE_TEAM)
def team(request: MemberRequest) -> HttpResponse:
    return render(request, "accounts/team.html", {"members": _members(request.organisation)})


def _add(request: MemberRequest, data: dict[str, Any]) -> str:
    password = secrets.token_urlsafe(12)
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=data["email"].lower(),
            email=data["email"].lower(),
            password=password,
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        Membership.objects.create(user=user, organisation=request.organisation, role=data["role"])
        audit(request.user, "change", f"Added team member {user.pk}")
        # The caseworker filter on the (cached) dashboard and case list lists the team.
        transaction.on_commit(partial(caseload_changed, request.organisation.pk))
    return password


@requires(Perm.MANAGE_TEAM)
def add_member(request: MemberRequest) -> HttpResponse:
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if get_user_model().objects.filter(username=email).exists():
            form.add_error("email", "Someone already has an account with this email address")
        else:
            password = _add(request, form.cleaned_data)
            messages.success(request, f"Account created. Their first password is {password}")
            return redirect("team")
    errors = form_errors(form)
    context = {"form": form, "errors": errors}
    return render(request, "accounts/add_member.html", context, status=400 if errors else 200)


@requires(Perm.MANAGE_TEAM)
def edit_member(request: MemberRequest, member_id: int) -> HttpResponse:
    member = get_object_or_404(_members(request.organisation), pk=member_id)
    initial = {"role": member.role, "active": member.user.is_active}
    form = RoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if member.user == request.user:
            form.add_error("role", "You cannot change your own role or deactivate yourself")
        else:
            with transaction.atomic():
                member.role = form.cleaned_data["role"]
                member.save(update_fields=["role"])
                member.user.is_active = form.cleaned_data["active"]
                member.user.save(update_fields=["is_active"])
                audit(request.user, "change", f"Changed team member {member.user.pk}")
                transaction.on_commit(partial(caseload_changed, request.organisation.pk))
            messages.success(request, "Team member updated")
            return redirect("team")
    context = {"form": form, "member": member, "errors": form_errors(form)}
    return render(request, "accounts/edit_member.html", context)
