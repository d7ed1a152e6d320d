"""Team management for administrators: add members, change roles, deactivate."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ehcp.web.accounts import services
from ehcp.web.accounts.forms import MemberForm, RoleForm
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.frontend.components import form_errors


@requires(Perm.MANAGE_TEAM)
def team(request: MemberRequest) -> HttpResponse:
    context = {"members": services.members(request.organisation)}
    return render(request, "accounts/team.html", context)


@requires(Perm.MANAGE_TEAM)
def add_member(request: MemberRequest) -> HttpResponse:
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _, password = services.add_member(
                request.organisation, request.user, services.NewMember(**form.cleaned_data)
            )
        except services.TeamError as error:
            form.add_error(error.field, error.problem)
        else:
            messages.success(request, f"Account created. Their first password is {password}")
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
    context = {"form": form, "member": member, "errors": form_errors(form)}
    return render(request, "accounts/edit_member.html", context)
