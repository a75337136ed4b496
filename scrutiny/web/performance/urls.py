from django.urls import path

from . import views

app_name = "performance"

urlpatterns = [
    path("councils/<slug:council>/performance/", views.council_indicators, name="council"),
    path("councils/<slug:council>/committees/<slug:committee>/performance/",
         views.committee_dashboard, name="committee"),
    path("councils/<slug:council>/committees/<slug:committee>/performance.pdf",
         views.committee_pdf, name="committee_pdf"),
    path("councils/<slug:council>/indicators/<int:pk>/", views.indicator, name="indicator"),
    path("councils/<slug:council>/indicators/<int:pk>/chart.svg", views.indicator_svg,
         name="indicator_svg"),
    path("officers/indicators/", views.officer_list, name="officer_list"),
    path("officers/indicators/<slug:council>/<int:pk>/", views.officer_indicator,
         name="officer_indicator"),
    path("officers/indicators/<slug:council>/<int:pk>/merge/", views.officer_merge,
         name="officer_merge"),
    path("officers/indicators/<slug:council>/<int:pk>/split/", views.officer_split,
         name="officer_split"),
    path("officers/indicators/<slug:council>/<int:pk>/edit/", views.officer_edit,
         name="officer_edit"),
]
