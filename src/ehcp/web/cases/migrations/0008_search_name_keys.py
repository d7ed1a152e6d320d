"""Search keys for the children's names on each case, and each organisation's names once,
with a trigram index on PostgreSQL for names spelt nearly the same (ADR 0031). Existing
cases get their keys and names here."""

from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

BATCH = 2000


def key(name: str) -> str:
    return " ".join(name.split()).upper()


def fill(apps: Any, schema_editor: Any) -> None:
    """Keys for every case and its names, a batch at a time."""
    Case = apps.get_model("cases", "Case")
    SearchName = apps.get_model("cases", "SearchName")
    cases = Case.objects.select_related("child").only(
        "organisation_id", "child__first_name", "child__last_name"
    )
    names: set[tuple[int, str]] = set()
    batch: list[Any] = []
    for case in cases.order_by("pk").iterator(chunk_size=BATCH):
        case.first_name_key = key(case.child.first_name)
        case.last_name_key = key(case.child.last_name)
        names |= {
            (case.organisation_id, case.first_name_key),
            (case.organisation_id, case.last_name_key),
        }
        batch.append(case)
        if len(batch) == BATCH:
            Case.objects.bulk_update(batch, ["first_name_key", "last_name_key"])
            batch = []
    Case.objects.bulk_update(batch, ["first_name_key", "last_name_key"])
    SearchName.objects.bulk_create(
        [SearchName(organisation_id=o, name=n) for o, n in sorted(names) if n],
        ignore_conflicts=True,
    )


def create_trigram_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_name_trgm ON cases_searchname "
            "USING gin (name gin_trgm_ops)"
        )


def drop_trigram_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_name_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_reference_trigram_index"),
        ("organisations", "0003_settings_register"),
        ("people", "0004_search_trigram_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=300)),
            ],
        ),
        migrations.AddField(
            model_name="case",
            name="first_name_key",
            field=models.CharField(blank=True, editable=False, max_length=300),
        ),
        migrations.AddField(
            model_name="case",
            name="last_name_key",
            field=models.CharField(blank=True, editable=False, max_length=300),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["organisation", "first_name_key"], name="case_first_name_key"
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["organisation", "last_name_key", "first_name_key"],
                name="case_last_name_key",
            ),
        ),
        migrations.AddField(
            model_name="searchname",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, to="organisations.organisation"
            ),
        ),
        migrations.AddConstraint(
            model_name="searchname",
            constraint=models.UniqueConstraint(
                fields=("organisation", "name"), name="unique_search_name"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
