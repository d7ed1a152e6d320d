"""Instructions per request for the casework pages, counted by valgrind's callgrind.

Timings on a shared two-core machine vary by 10% from run to run; instruction counts do not.
Run against the database `bench/web_load.py` builds (with the shared Redis cache), once with
`--requests 10` and once with `--requests 110`: the difference over 100 is what one request
costs, without the start-up.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.%p \
        .venv/bin/python bench/page_instructions.py --page case --requests 110

Each request is a fresh, signed-in request through the whole Django stack (middleware,
view, templates) in this one process, as a gunicorn worker would serve it.

The public pages (`checker`, the date checker's result for `bench/checker_load.py`'s answers,
and `health`, the trivial page) need no database or sign-in, and count only their measured
requests, so one run gives the instructions per request (Collected over `--requests`):

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=starmap_next \
        --callgrind-out-file=/tmp/cg.%p \
        .venv/bin/python bench/page_instructions.py --page checker --requests 50
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).parent))

PAGES = {
    "dashboard": lambda rng, refs: "/dashboard/",
    "case_list": lambda rng, refs: "/cases/" + rng.choice(["", "?due=overdue", "?sort=name"]),
    "case": lambda rng, refs: f"/cases/{rng.choice(refs)}/",
}

PUBLIC = ("checker", "health")
FORM = "application/x-www-form-urlencoded"
WARM_UP = 20


def public(client_class: Any, page: str, requests: int) -> None:
    """The public pages, each request through the whole stack with the CSRF checks a real
    request gets. After a warm-up (imports, compiled templates, the letter catalogue) the
    requests run inside `itertools.starmap`, which nothing else here calls, so that callgrind
    can count them alone: `--collect-atstart=no --toggle-collect=starmap_next`."""
    from checker_load import ANSWERS

    client = client_class(enforce_csrf_checks=True)
    body = urlencode(ANSWERS)  # as the load test sends it

    def once() -> None:
        if page == "checker":
            response = client.post("/check/questions/", body, content_type=FORM)
        else:
            response = client.get("/health/")
        assert response.status_code == 200, response.status_code

    for _ in range(WARM_UP):
        once()
    for _ in itertools.starmap(once, itertools.repeat((), requests)):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", choices=sorted({*PAGES, *PUBLIC}), required=True)
    parser.add_argument("--requests", type=int, default=110)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ehcp.web.config.settings")
    os.environ.setdefault("EHCP_SECURE_COOKIES", "0")
    import django

    django.setup()
    from django.test import Client

    if args.page in PUBLIC:
        public(Client, args.page, args.requests)
        return

    from ehcp.web.cases.models import Case
    from ehcp.web.demo.load import second_factor_given
    from ehcp.web.organisations.models import Membership

    member = Membership.objects.filter(organisation__la_code="999", role="caseworker").first()
    assert member is not None, "build the benchmark's council first (bench/web_load.py)"
    references = list(
        Case.objects.filter(organisation__la_code="999")
        .order_by("reference")
        .values_list("reference", flat=True)[:200]
    )
    client = Client()
    client.force_login(member.user)
    second_factor_given(client, member.user)
    rng = random.Random(2026)
    make_path = PAGES[args.page]
    for _ in range(args.requests):
        response = client.get(make_path(rng, references))
        assert response.status_code == 200, response.status_code


if __name__ == "__main__":
    main()
