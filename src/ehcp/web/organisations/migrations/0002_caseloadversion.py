"""`CaseloadVersion` is now declared here; its table (`cases_caseloadversion`), made by
`cases/migrations/0002`, stays as it is: only Django's record of which app holds it changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("cases", "0003_behind_target"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CaseloadVersion",
                    fields=[
                        (
                            "organisation",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="caseload_version",
                                serialize=False,
                                to="organisations.organisation",
                            ),
                        ),
                        ("version", models.CharField(max_length=32)),
                    ],
                    options={"db_table": "cases_caseloadversion"},
                )
            ],
            database_operations=[],
        )
    ]
