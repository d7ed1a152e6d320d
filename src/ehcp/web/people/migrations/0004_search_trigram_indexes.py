"""Trigram indexes for search on PostgreSQL (docs/adr/0022-search-and-corrections.md): the
pg_trgm extension, and GIN indexes on the children's names and UPNs in upper case, which serve
Django's `icontains` (`UPPER(column) LIKE UPPER('%part%')`) and the similarity operator `%`
(applied to the same upper-case expression). SQLite has neither; it searches without them."""

from typing import Any

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "child_first_name_trgm": "first_name",
    "child_last_name_trgm": "last_name",
    "child_upn_trgm": "upn",
}


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name, column in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON people_child "
                f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
            )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_carer_contact_details")]

    operations = [
        TrigramExtension(),  # does nothing on SQLite
        migrations.RunPython(create, drop),
    ]
