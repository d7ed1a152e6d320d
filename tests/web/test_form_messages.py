"""Django's own form errors, in GOV.UK words that name the field and say what to do, in every
form of the app (through `frontend.forms.GovukMessages`)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.contrib.auth.models import User
from django.forms.utils import pretty_name
from django.urls import reverse

import ehcp.web
from ehcp.web.accounts import forms as account_forms
from ehcp.web.advocacy import forms as advocacy_forms
from ehcp.web.cases import forms as case_forms
from ehcp.web.frontend.forms import GovDateField, GovukMessages

# How to make each form that takes more than data.
MAKERS = {
    case_forms.NewRequestForm: lambda data: case_forms.NewRequestForm(data, caseworkers=[]),
    case_forms.ExceptionForm: lambda data: case_forms.ExceptionForm(data, grounds={}),
    case_forms.DetailsForm: lambda data: case_forms.DetailsForm(data, settings=[]),
    case_forms.ReassignForm: lambda data: case_forms.ReassignForm(data, caseworkers=[]),
    case_forms.HandOverForm: lambda data: case_forms.HandOverForm(data, members=[]),
    account_forms.NewPasswordForm: lambda data: account_forms.NewPasswordForm(User(), data),
    account_forms.ChangePasswordForm: lambda data: account_forms.ChangePasswordForm(User(), data),
    advocacy_forms.DateForm: lambda data: advocacy_forms.DateForm(data, label="Date closed"),
}
DJANGO_WORDS = ("Ensure this value", "Null characters are not allowed", "This field is required")


def app_forms() -> list[type[forms.Form]]:
    """Every form class defined in the web app."""
    found = set()
    for module in pkgutil.walk_packages(ehcp.web.__path__, "ehcp.web."):
        if ".migrations" in module.name or module.name.endswith((".manage", ".wsgi")):
            continue
        loaded = importlib.import_module(module.name)
        for _, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, forms.BaseForm) and value.__module__.startswith("ehcp.web"):
                found.add(value)
    return sorted(found, key=lambda form: form.__qualname__)


def make(form_class, data):
    return MAKERS.get(form_class, form_class)(data)


def text_fields(form):
    """(name, label, longest) of each plain text field, and of each date's parts."""
    for name, field in form.fields.items():
        label = str(field.label or pretty_name(name))
        if isinstance(field, GovDateField):
            yield f"{name}_0", label, None
        elif type(field) in (forms.CharField, forms.EmailField, forms.RegexField):
            yield name, label, field.max_length


def test_the_walk_finds_the_forms():
    # The control for the checks below: they see the app's forms, not an empty list.
    names = {form.__name__ for form in app_forms()}
    assert {"EventForm", "CarerForm", "ConsentForm", "SignInForm", "NewPasswordForm"} <= names


@pytest.mark.parametrize("form_class", app_forms(), ids=lambda form: form.__name__)
def test_every_form_speaks_govuk(form_class):
    assert issubclass(form_class, GovukMessages)
    assert form_class.__mro__.index(GovukMessages) < form_class.__mro__.index(forms.BaseForm)


@pytest.mark.parametrize("form_class", app_forms(), ids=lambda form: form.__name__)
def test_an_over_long_value_names_the_field_and_its_limit(form_class):
    for name, label, longest in text_fields(make(form_class, {})):
        if longest is None:
            continue
        form = make(form_class, {name: "a" * (longest + 1)})
        assert f"{label} must be {longest} characters or fewer" in form.errors[name], name


@pytest.mark.parametrize("form_class", app_forms(), ids=lambda form: form.__name__)
def test_a_nul_names_the_field(form_class):
    for name, label, _ in text_fields(make(form_class, {})):
        form = make(form_class, {name: "a\x00b"})
        field = name.removesuffix("_0")
        wanted = (
            f"{label} must not contain the null character. Type it again rather than pasting it"
        )
        assert wanted in form.errors[field], name


@pytest.mark.parametrize("form_class", app_forms(), ids=lambda form: form.__name__)
def test_no_form_answers_in_djangos_words(form_class):
    data = {}
    for name, _, longest in text_fields(make(form_class, {})):
        data[name] = "\x00" + "a" * (longest or 10)
    for field_name in make(form_class, {}).fields:
        data.setdefault(field_name, "not-a-choice\x00")
    form = make(form_class, data)
    form.is_valid()
    for messages in form.errors.values():
        for message in messages:
            assert not message.startswith(DJANGO_WORDS), message
            assert "is not one of the available choices" not in message


def test_a_limit_exactly_met_is_no_error():
    form = case_forms.CarerForm({"name": "a" * 200, "parental_responsibility": "yes"})
    assert form.is_valid(), form.errors


def test_a_forms_own_words_are_kept():
    form = case_forms.CarerForm({})
    assert form.errors["name"] == ["Enter their full name"]


def test_djangos_required_becomes_enter_or_select():
    form = account_forms.MemberForm({})
    form.is_valid()
    assert form.errors["first_name"] == ["Enter first name"]
    assert form.errors["role"] == ["Select role"]


def test_a_made_up_choice_says_choose_from_the_list():
    form = case_forms.CarerForm({"name": "Pat", "parental_responsibility": "maybe"})
    assert form.errors["parental_responsibility"] == [
        "Select yes if they have parental responsibility"
    ]
    reassign = case_forms.ReassignForm({"caseworker": "7"}, caseworkers=[(1, "Sam")])
    assert reassign.errors["caseworker"] == ["Select a caseworker from the list"]
    role = account_forms.RoleForm({"role": "boss"})
    assert role.errors["role"] == ["Select role from the list"]


def test_the_case_page_forms_answer_in_govuk_words(signed_in, case):
    url = reverse("record-exception", args=[case.reference])
    response = signed_in.post(url, {"setting_name": "x" * 201, "evidence": "Closed\x00"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Setting (for closures) must be 200 characters or fewer" in body
    assert "Evidence must not contain the null character" in body
    assert "Ensure this value" not in body
