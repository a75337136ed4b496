from django.urls import path

from . import views

app_name = "record"

_M = "councils/<slug:council>/committees/<slug:committee>/meetings/<str:date>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("councils/<slug:council>/", views.council, name="council"),
    path("councils/<slug:council>/committees/<slug:committee>/", views.committee,
         name="committee"),
    path(_M, views.meeting, name="meeting"),
    path(_M + "items/<int:item>/", views.item, name="item"),
    path("people/<int:pk>/", views.person, name="person"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("officers/", views.officers, name="officers"),
    path("officers/merges/<int:pk>/", views.decide_merge, name="decide_merge"),
]
