"""The pages that belong to no app: the home address and the health check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.generic.base import RedirectView

from ehcp.web.accounts.permissions import Perm, requires

home = requires(Perm.PUBLIC)(RedirectView.as_view(url="/dashboard/", permanent=False))


@requires(Perm.PUBLIC)
def health(request: HttpRequest) -> HttpResponse:
    """A trivial page: the benchmark's baseline and a load balancer's health check."""
    return render(request, "frontend/health.html")
