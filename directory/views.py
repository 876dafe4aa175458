"""Staff views in the Wagtail admin: the "to verify" report and the CSV import upload."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView

from .importer import MAX_BYTES, ImportFileError, import_associations
from .models import AssociationPage, DirectoryPage

REPORT_PERMISSION = "directory.view_verification_report"
IMPORT_PERMISSION = "directory.import_associations"


class ToVerifyReportView(ReportView):
    """Associations never verified or not verified for 12 months, oldest first."""

    page_title = _("Associations to verify")
    header_icon = "warning"
    index_url_name = "directory_to_verify"
    index_results_url_name = "directory_to_verify_results"
    model = AssociationPage
    list_export = ["title", "locale", "last_verified_on", "verified_by", "import_key", "live"]
    export_headings = {
        "title": _("Association"),
        "locale": _("Language"),
        "last_verified_on": _("Last verified on"),
        "verified_by": _("Verified by"),
        "import_key": _("Import key"),
        "live": _("Published"),
    }
    export_filename = "associations-to-verify"

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("Association"), url_name="wagtailadmin_pages:edit"),
            LocaleColumn(),
            DateColumn("last_verified_on", label=_("Last verified on")),
            UserColumn("verified_by", label=_("Verified by"), blank_display_name="—"),
            Column("status_string", label=_("Status")),
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return AssociationPage.objects.due_for_verification().select_related(
            "verified_by", "locale"
        )


class ImportForm(forms.Form):
    directory = forms.ModelChoiceField(
        label=_("Directory"),
        queryset=DirectoryPage.objects.order_by("locale__language_code"),
        empty_label=None,
    )
    file = forms.FileField(
        label=_("CSV file"), help_text=_("UTF-8, comma or semicolon separated; at most 5 MB.")
    )
    dry_run = forms.BooleanField(
        label=_("Check only (dry run): report problems, write nothing"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_directory(self):
        directory = self.cleaned_data["directory"]
        permissions = directory.permissions_for_user(self.user)
        if not (permissions.can_add_subpage() and permissions.can_publish_subpage()):
            raise forms.ValidationError(
                _("You may not add and publish pages in this directory (ask an administrator).")
            )
        return directory

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is too large (more than 5 MB)."))
        return upload


def import_view(request):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    report = file_error = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                report = import_associations(
                    form.cleaned_data["file"].read(),
                    form.cleaned_data["directory"],
                    dry_run=form.cleaned_data["dry_run"],
                    user=request.user,
                )
            except ImportFileError as error:
                file_error = str(error)
    else:
        form = ImportForm(user=request.user)
    return render(
        request,
        "directory/admin/import.html",
        {"form": form, "report": report, "file_error": file_error},
    )
