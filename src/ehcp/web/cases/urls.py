"""The casework pages. Each view declares its permission (see `accounts.permissions`)."""

from django.urls import path

from ehcp.web.cases.views import (
    case,
    corrections,
    dashboard,
    documents,
    imports,
    letters,
    search,
)

one_case = "cases/<str:reference>/"

urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("cases/", dashboard.case_list, name="case-list"),
    path("cases/new/", case.new_request, name="new-request"),
    path("cases/export.csv", dashboard.export_cases, name="export-cases"),
    path("caseloads/hand-over/", corrections.hand_over, name="hand-over"),
    path("settings-register/", corrections.settings_register, name="settings-register"),
    path(one_case, case.case_page, name="case"),
    path(one_case + "events/new/", case.record_event, name="record-event"),
    path(one_case + "events/<int:event_id>/retract/", case.retract_event, name="retract-event"),
    path(one_case + "exceptions/new/", case.record_exception, name="record-exception"),
    path(one_case + "export/", case.export_case, name="export-case"),
    path(one_case + "print/", case.print_case, name="print-case"),
    path(one_case + "details/", corrections.correct_details, name="correct-details"),
    path(one_case + "caseworker/", corrections.reassign, name="reassign"),
    path(one_case + "carers/new/", corrections.add_carer, name="add-carer"),
    path(one_case + "carers/<int:carer_id>/", corrections.edit_carer, name="edit-carer"),
    path(
        one_case + "carers/<int:carer_id>/remove/",
        corrections.remove_carer,
        name="remove-carer",
    ),
    path(one_case + "letters/", letters.case_letters, name="case-letters"),
    path(one_case + "letters/<str:kind>.<str:format_>", letters.case_letter, name="case-letter"),
    path(one_case + "documents/new/", documents.upload, name="upload-document"),
    path(one_case + "documents/<str:token>/", documents.download, name="document"),
    path("search/", search.search, name="search"),
    path("advice/", search.advice, name="advice"),
    path("import/", imports.import_cases, name="import"),
]
