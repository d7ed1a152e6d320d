"""Children's names as search compares them: a key per name on each case, and each
organisation's names once in `SearchName` (ADR 0031). Every way a case is created or a
child's name corrected goes through here, so the keys and the names table agree with the
children's rows."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q

from ehcp.web.cases.models import Case, SearchName
from ehcp.web.organisations.models import Organisation
from ehcp.web.people.models import Child


def name_key(name: str) -> str:
    """`name` as search compares it: upper case, with single spaces."""
    return " ".join(name.split()).upper()


def set_keys(case: Case, child: Child) -> None:
    """Give `case` the keys of `child`'s names (not saved)."""
    case.first_name_key = name_key(child.first_name)
    case.last_name_key = name_key(child.last_name)


def keep(organisation: Organisation, cases: Iterable[Case]) -> None:
    """Add the names of `cases` (keys set) to the organisation's names, once each."""
    keep_names(
        organisation, (key for case in cases for key in (case.first_name_key, case.last_name_key))
    )


def keep_names(organisation: Organisation, names: Iterable[str]) -> None:
    """Add `names` (keys) to the organisation's names, once each. In sorted order, so that
    two transactions adding the same new names never wait for each other in a circle."""
    SearchName.objects.bulk_create(
        [SearchName(organisation=organisation, name=name) for name in sorted(set(names)) if name],
        ignore_conflicts=True,
    )


def rename(child: Child) -> None:
    """After `child`'s names were corrected: new keys on each of their cases, the new names
    kept and the old ones forgotten if no other case has them."""
    cases = list(child.cases.all())
    old = {key for case in cases for key in (case.first_name_key, case.last_name_key)}
    for case in cases:
        set_keys(case, child)
    Case.objects.bulk_update(cases, ["first_name_key", "last_name_key"])
    keep(child.organisation, cases)
    forget_unused(child.organisation, old)


def forget_unused(organisation: Organisation, names: Iterable[str] | None = None) -> int:
    """Remove `names` (all the organisation's, if None) that no case of theirs has."""
    used = Case.objects.filter(organisation=organisation).filter(
        Q(first_name_key=OuterRef("name")) | Q(last_name_key=OuterRef("name"))
    )
    unused = SearchName.objects.filter(organisation=organisation).exclude(Exists(used))
    if names is not None:
        unused = unused.filter(name__in=set(names))
    deleted, _ = unused.delete()
    return deleted


def reconcile(organisation: Organisation) -> bool:
    """Make the organisation's names those its cases have: a name a correction removed while
    another request with it was being opened is put back, and unused ones are removed.
    Whether anything changed (and so what a search finds)."""
    cases = Case.objects.filter(organisation=organisation)
    used = set(cases.values_list("first_name_key", flat=True).distinct())
    used |= set(cases.values_list("last_name_key", flat=True).distinct())
    known = set(
        SearchName.objects.filter(organisation=organisation).values_list("name", flat=True)
    )
    missing = used - known - {""}
    keep_names(organisation, missing)
    return bool(missing) | bool(forget_unused(organisation))
