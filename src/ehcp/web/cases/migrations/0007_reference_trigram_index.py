"""A GIN trigram index on case references, for searching part of one on PostgreSQL (see
people/0004 and docs/adr/0022-search-and-corrections.md)."""

from typing import Any

from django.db import migrations


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS case_reference_trgm ON cases_case "
            "USING gin ((UPPER(reference::text)) gin_trgm_ops)"
        )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS case_reference_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_case_requested_by"),
        ("people", "0004_search_trigram_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
