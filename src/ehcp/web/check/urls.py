"""Check your child's EHC dates: public pages that keep nothing (see `views`)."""

from django.urls import path

from ehcp.web.check import views

urlpatterns = [
    path("", views.start, name="check"),
    path("questions/", views.question, name="check-question"),
    path("calendar/", views.calendar_file, name="check-calendar"),
    path("answers/", views.saved_answers, name="check-answers"),
    path("load/", views.load_answers, name="check-load"),
    path("letters/", views.letter, name="check-letter"),
]
