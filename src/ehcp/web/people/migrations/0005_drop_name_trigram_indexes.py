"""Search no longer reads the children's names through trigram indexes: it matches the name
keys on each case (cases/0008, docs/adr/0031-search-by-name-keys.md). The UPN's trigram
index stays, for part of a UPN."""

from typing import Any

from django.db import migrations

INDEXES = {"child_first_name_trgm": "first_name", "child_last_name_trgm": "last_name"}


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name, column in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON people_child "
                f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
            )


class Migration(migrations.Migration):
    dependencies = [("people", "0004_search_trigram_indexes"), ("cases", "0008_search_name_keys")]

    operations = [migrations.RunPython(drop, create)]
