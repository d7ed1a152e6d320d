"""Team management for administrators: invite members, change roles, deactivate, reset a
second factor, and see failed sign-ins."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ehcp.web.accounts import second_factor, services
from ehcp.web.accounts.forms import MemberForm, RoleForm
from ehcp.web.accounts.invitations import send_invitation
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.frontend.components import form_errors


@requires(Perm.MANAGE_TEAM)
def team(request: MemberRequest) -> HttpResponse:
    context = {
        "members": services.members(request.organisation),
        "failed_sign_ins": services.failed_sign_ins(request.organisation),
    }
    return render(request, "accounts/team.html", context)


@requires(Perm.MANAGE_TEAM)
def add_member(request: MemberRequest) -> HttpResponse:
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = services.add_member(
                    request.organisation, request.user, services.NewMember(**form.cleaned_data)
                )
                send_invitation(request, user, request.user)
        except services.TeamError as error:
            form.add_error(error.field, error.problem)
        else:
            messages.success(request, f"We have sent an invitation to {user.email}")
            return redirect("team")
    errors = form_errors(form)
    context = {"form": form, "errors": errors}
    return render(request, "accounts/add_member.html", context, status=400 if errors else 200)


@requires(Perm.MANAGE_TEAM)
def edit_member(request: MemberRequest, member_id: int) -> HttpResponse:
    member = get_object_or_404(services.members(request.organisation), pk=member_id)
    initial = {"role": member.role, "active": member.user.is_active}
    form = RoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_member(
                member, request.user, form.cleaned_data["role"], form.cleaned_data["active"]
            )
        except services.TeamError as error:
            form.add_error(error.field, error.problem)
        else:
            messages.success(request, "Team member updated")
            return redirect("team")
    context = {
        "form": form,
        "member": member,
        "errors": form_errors(form),
        "invited": not member.user.has_usable_password(),
        "has_second_factor": second_factor.has_app(member.user),
    }
    return render(request, "accounts/edit_member.html", context)


@requires(Perm.MANAGE_TEAM)
@require_POST
def invite_again(request: MemberRequest, member_id: int) -> HttpResponse:
    """A new invitation for someone who has not yet chosen a password."""
    member = get_object_or_404(services.members(request.organisation), pk=member_id)
    if member.user.has_usable_password():
        messages.success(request, f"{member.user.get_full_name()} has already joined")
    else:
        try:
            send_invitation(request, member.user, request.user)
        except services.TeamError as error:
            messages.error(request, error.problem)
        else:
            audit(request.user, "change", f"Invited team member {member.user.pk} again")
            messages.success(request, f"We have sent a new invitation to {member.user.email}")
    return redirect("edit-member", member_id=member.pk)


@requires(Perm.MANAGE_TEAM)
@require_POST
def reset_second_factor(request: MemberRequest, member_id: int) -> HttpResponse:
    """For a member who has lost their phone: they set up a new app at their next sign-in."""
    member = get_object_or_404(services.members(request.organisation), pk=member_id)
    if member.user_id == request.user.pk:
        messages.success(
            request, "You cannot reset your own second factor. Ask another administrator"
        )
    else:
        second_factor.reset(member.user, request.user)
        messages.success(
            request,
            f"{member.user.get_full_name()} will set up a new authenticator app"
            " when they next sign in",
        )
    return redirect("edit-member", member_id=member.pk)
