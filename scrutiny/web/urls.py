"""URLs: the public portal, the officer pages, Django admin and login."""
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from .api import api

admin.site.site_header = "Scrutiny: officer administration"
admin.site.site_title = "Scrutiny"

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("search/", include("scrutiny.web.search.urls")),
    path("workspace/", include("scrutiny.web.actions.urls")),
    path("", include("scrutiny.web.performance.urls")),
    path("", include("scrutiny.web.record.urls")),
]
