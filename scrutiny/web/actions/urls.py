"""The officer workspace: /workspace/ (sign-in required; changes need the officer role)."""
from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("", views.home, name="home"),
    path("actions/", views.action_list, name="list"),
    path("actions/bulk/", views.bulk, name="bulk"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/evidence/", views.add_evidence, name="evidence"),
    path("overdue/", views.overdue, name="overdue"),
    path("follow-ups/", views.followups, name="followups"),
    path("follow-ups/<int:pk>/", views.decide, name="decide"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path("committees/<slug:council>/<slug:committee>/matters-arising/", views.log,
         name="log"),
    path("impact/", views.impact_page, name="impact"),
    path("settings/<slug:council>/", views.council_settings, name="settings"),
    path("audit/", views.audit_log, name="audit"),
]
