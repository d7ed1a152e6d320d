from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from ehcp.web.advocacy import services
from ehcp.web.advocacy.models import AdvocacyCase, Consent
from ehcp.web.cases.models import Case


def test_the_demo_prints_the_advocates_logins(db):
    out = StringIO()
    call_command("ehcp_demo", "--cases", "20", "--caseworkers", "1", stdout=out)
    assert "sendiass@demo.example" in out.getvalue()
    assert "mp-office@demo.example" in out.getvalue()


def test_the_mp_office_has_councils_consent_and_a_chaser_due(db):
    call_command("ehcp_demo", "--cases", "20", "--caseworkers", "1", stdout=StringIO())
    office = Case.objects.filter(organisation__name__startswith="Office of the MP")
    councils = set(
        AdvocacyCase.objects.filter(case__in=office).values_list("council_code", flat=True)
    )
    assert len(councils) >= 3
    assert Consent.objects.filter(case__in=office, basis=Consent.Basis.ELECTED).exists()
    overdue = [c for c in services.awaiting_reply(office) if c.response_due < timezone.localdate()]
    assert overdue
