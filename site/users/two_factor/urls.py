"""Routed under /<ADMIN_PATH>/two-factor/ by maison/users/wagtail_hooks.py (Wagtail adds its
``access_admin`` check: anonymous visitors go to the login page)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.manage, name="two_factor_manage"),
    path("setup/", views.setup, name="two_factor_setup"),
    path("verify/", views.verify, name="two_factor_verify"),
    path("backup-codes/", views.backup_codes, name="two_factor_backup_codes"),
]
