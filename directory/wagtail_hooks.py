"""Admin of the directory (association listing with filters and export, "to verify" report,
CSV import) and the "Partner associations" section of service pages."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet

from maison.core.content_cache import cached_section
from maison.services.models.pages import SERVICE_SECTIONS_HOOK

from . import views
from .models import AssociationPage


class AssociationListingViewSet(PageListingViewSet):
    model = AssociationPage
    name = "associations"
    icon = "group"
    menu_label = _("Partner associations")
    add_to_admin_menu = True
    menu_order = 250
    list_filter = [
        "locale",
        "live",
        "cost",
        "anonymous",
        "access_walk_in",
        "emergency_line",
        "commune_relation",
        "last_verified_on",
    ]
    list_export = [
        "title",
        "short_name",
        "locale",
        "import_key",
        "live",
        "cost",
        "anonymous",
        "access_walk_in",
        "emergency_line",
        "commune_relation",
        "social_brussels_id",
        "phone",
        "email",
        "website",
        "last_verified_on",
        "verified_by",
    ]
    export_filename = "partner-associations"


@hooks.register("register_admin_viewset")
def register_association_listing():
    return AssociationListingViewSet()


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [
        path(
            "directory/to-verify/", views.ToVerifyReportView.as_view(), name="directory_to_verify"
        ),
        path(
            "directory/to-verify/results/",
            views.ToVerifyReportView.as_view(results_only=True),
            name="directory_to_verify_results",
        ),
        path("directory/import/", views.import_view, name="directory_import"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_to_verify_menu_item():
    return PermissionMenuItem(
        _("Associations to verify"),
        reverse("directory_to_verify"),
        name="directory-to-verify",
        icon_name="warning",
        order=950,
        permission=views.REPORT_PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Import associations"),
        reverse("directory_import"),
        name="directory-import",
        icon_name="upload",
        order=260,
        permission=views.IMPORT_PERMISSION,
    )


@hooks.register(SERVICE_SECTIONS_HOOK)
@cached_section("partner-associations")
def partner_associations_section(request, service_page) -> str | None:
    """Live partner associations, in the page's language, that answer one of its needs."""
    slugs = [need.slug for need in service_page.needs.all()]
    if not slugs:
        return None
    associations = list(
        AssociationPage.objects.live()
        .public()
        .filter(locale_id=service_page.locale_id, needs__slug__in=slugs)
        .distinct()
        .order_by("title")[:12]
    )
    if not associations:
        return None
    return render_to_string(
        "directory/includes/service_section.html",
        {"associations": associations, "request": request},
    )
