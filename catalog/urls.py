"""Catalogue pages outside Oscar's /catalogue/ prefix: the short traceability address on labels."""

from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("trace/<str:code>/", views.TraceView.as_view(), name="trace"),
]
