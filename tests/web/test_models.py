import pytest
from django.db import IntegrityError

from ehcp.web.cases.models import AppendOnlyError, Case, CaseEvent


def test_timeline_rows_cannot_be_changed(case):
    row = CaseEvent.objects.get(case=case)
    row.name = "final_plan_issued"
    with pytest.raises(AppendOnlyError):
        row.save()


def test_timeline_rows_cannot_be_deleted(case):
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.get(case=case).delete()


def test_case_references_are_unique_within_an_organisation(case):
    duplicate = Case(organisation=case.organisation, reference=case.reference, child=case.child)
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_timeline_rows_cannot_be_changed_in_bulk(case):
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(case=case).update(name="final_plan_issued")
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(case=case).delete()
