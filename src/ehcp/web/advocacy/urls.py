"""The advocate's workspace. Each view declares its permission (see `accounts.permissions`)."""

from django.urls import path

from ehcp.web.advocacy import views

one_case = "advocacy/cases/<str:reference>/"

urlpatterns = [
    path("advocacy/", views.dashboard, name="advocacy-dashboard"),
    path("advocacy/figures/", views.figures, name="advocacy-figures"),
    path("advocacy/retention/", views.retention, name="advocacy-retention"),
    path(one_case, views.case_page, name="advocacy-case"),
    path(one_case + "council/", views.set_council, name="advocacy-council"),
    path(one_case + "consent/new/", views.record_consent, name="advocacy-consent"),
    path(
        one_case + "consent/<int:consent_id>/withdraw/",
        views.withdraw_consent,
        name="advocacy-withdraw-consent",
    ),
    path(one_case + "letters/new/", views.record_letter, name="advocacy-letter"),
    path(one_case + "letters/<str:kind>/pdf/", views.letter_pdf, name="advocacy-letter-pdf"),
    path(one_case + "letters/<int:letter_id>/reply/", views.record_reply, name="advocacy-reply"),
    path(one_case + "close/", views.close_case, name="advocacy-close"),
    path(one_case + "summary/", views.family_summary, name="advocacy-summary"),
    path(one_case + "delete/", views.delete_case, name="advocacy-delete"),
]
