"""Addresses worked out once per process are the ones `reverse` gives."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from hypothesis import given
from hypothesis import strategies as st

from ehcp.web.cases.addresses import address, case_address

CASE_PAGES = ["case", "record-event", "record-exception", "upload-document", "export-case"]


@given(reference=st.text(min_size=1).filter(lambda text: "/" not in text))
def test_a_case_address_is_the_one_reverse_gives(reference):
    for name in CASE_PAGES:
        assert case_address(name, reference) == reverse(name, args=[reference])


@pytest.mark.parametrize("reference", ["", "EHC/2024/1"])
def test_a_reference_no_address_can_hold_is_refused_as_reverse_refuses_it(reference):
    with pytest.raises(NoReverseMatch):
        case_address("case", reference)


def test_addresses_follow_the_script_prefix():
    set_script_prefix("/casework/")
    try:
        assert address("dashboard") == "/casework/dashboard/"
        assert case_address("export-case", "EHC-1") == "/casework/cases/EHC-1/export/"
    finally:
        set_script_prefix("/")
    assert address("dashboard") == "/dashboard/"
