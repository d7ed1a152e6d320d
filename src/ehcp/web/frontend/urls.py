"""Every page. Each view declares its permission (see `permissions.requires`)."""

from django.urls import path
from django.views.generic.base import RedirectView

from ehcp.web.frontend.permissions import Perm, requires
from ehcp.web.frontend.views import auth, cases, dashboard, documents, imports, search, team

home = requires(Perm.PUBLIC)(RedirectView.as_view(url="/dashboard/", permanent=False))
case = "cases/<str:reference>/"

urlpatterns = [
    path("", home, name="home"),
    path("sign-in/", auth.sign_in, name="sign-in"),
    path("sign-out/", auth.sign_out, name="sign-out"),
    path("health/", auth.health, name="health"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("cases/", dashboard.case_list, name="case-list"),
    path("cases/new/", cases.new_request, name="new-request"),
    path(case, cases.case_page, name="case"),
    path(case + "events/new/", cases.record_event, name="record-event"),
    path(case + "events/<int:event_id>/retract/", cases.retract_event, name="retract-event"),
    path(case + "exceptions/new/", cases.record_exception, name="record-exception"),
    path(case + "export/", cases.export_case, name="export-case"),
    path(case + "documents/new/", documents.upload, name="upload-document"),
    path(case + "documents/<str:token>/", documents.download, name="document"),
    path("search/", search.search, name="search"),
    path("advice/", search.advice, name="advice"),
    path("audit/", search.audit_log, name="audit"),
    path("import/", imports.import_cases, name="import"),
    path("team/", team.team, name="team"),
    path("team/new/", team.add_member, name="add-member"),
    path("team/<int:member_id>/", team.edit_member, name="edit-member"),
]
