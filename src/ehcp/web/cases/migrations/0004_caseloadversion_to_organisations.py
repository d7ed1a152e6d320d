"""`CaseloadVersion` moved to the organisations app (see its migration 0002): this app forgets
it without dropping its table, which the model there keeps using."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_behind_target"),
        ("organisations", "0002_caseloadversion"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CaseloadVersion")],
            database_operations=[],
        )
    ]
