"""The Jinja2 environment for the few templates written in Jinja2 (see ADR 0010): the same
GOV.UK filters as the `govuk` template tags, and Django's `url` and `static`."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import Environment

from ehcp.web.frontend.templatetags import govuk


def environment(**options: Any) -> Environment:
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.globals.update(url=reverse, static=static)
    env.filters.update(
        {name: getattr(govuk, name) for name in govuk.register.filters if hasattr(govuk, name)}
    )
    return env
