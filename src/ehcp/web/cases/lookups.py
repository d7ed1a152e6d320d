"""`AnyOf`: a column equal to any of a list of names, however long the list."""

from __future__ import annotations

from typing import Any

from django.db.models import Lookup


class AnyOf(Lookup[Any]):
    """`column = ANY(%s)` with the list as one array parameter on PostgreSQL, which allows a
    query at most 65,535 parameters: a search for a short fragment can match more names than
    that allows as `IN (...)`, whose every name is a parameter (and the ranking repeats them).
    Other databases get `IN (...)`; an empty list matches nothing."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        names = list(self.rhs)
        if not names:
            return "1 = 0", []
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::text[])", [*lhs_params, names]
        return f"{lhs} IN ({', '.join(['%s'] * len(names))})", [*lhs_params, *names]
