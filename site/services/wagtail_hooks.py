"""Admin of the services app: the shared vocabularies, the technoprévention requests, and
the organisation's JSON-LD on the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from maison.core import navigation
from maison.core.content_cache import content_cached
from maison.core.models import HOME_SECTIONS_HOOK
from maison.core.tasks import EMAIL_MESSAGES_HOOK

from . import jsonld
from .models import Audience, Funder, Language, Need, PolePage, TechnopreventionRequest


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "help"
    list_display = ["name", "slug", "sensitive", "locale"]
    list_filter = ["sensitive", "locale"]
    list_export = ["name", "slug", "sensitive", "description"]
    search_fields = ["name", "description"]
    panels = ["name", "slug", "description", "sensitive", "sort_order"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "min_age", "max_age", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "slug", "min_age", "max_age"]
    search_fields = ["name"]
    panels = ["name", "slug", "min_age", "max_age", "sort_order"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    panels = ["name", "code", "sort_order"]


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "tag"
    list_display = ["name", "short_name", "programme", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "short_name", "programme", "url"]
    search_fields = ["name", "programme"]
    panels = ["name", "short_name", "programme", "url"]


class ServicesVocabularyGroup(SnippetViewSetGroup):
    items = (NeedViewSet, AudienceViewSet, LanguageViewSet, FunderViewSet)
    menu_icon = "list-ul"
    menu_label = _("Services vocabulary")
    menu_name = "services-vocabulary"


register_snippet(ServicesVocabularyGroup)


class TechnopreventionRequestViewSet(ModelViewSet):
    """Read and delete only: submissions are records, not content. The Coordination group
    holds the view/delete permissions (see docs/STAFF_GUIDE.md)."""

    model = TechnopreventionRequest
    name = "technoprevention_requests"
    icon = "mail"
    menu_label = _("Technoprévention requests")
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["__str__", "request_type", "postcode", "language", "created_at"]
    list_filter = ["request_type", "created_at"]
    list_export = [
        "created_at",
        "request_type",
        "name",
        "contact_preference",
        "phone",
        "email",
        "postcode",
        "message",
        "language",
    ]
    search_fields = ["name", "email", "postcode"]
    inspect_view_fields = [
        "created_at",
        "request_type",
        "name",
        "contact_preference",
        "phone",
        "email",
        "postcode",
        "message",
        "language",
    ]
    exclude_form_fields = ["page"]


@hooks.register("register_admin_viewset")
def register_request_viewset():
    return TechnopreventionRequestViewSet()


@hooks.register(HOME_SECTIONS_HOOK)
def organisation_jsonld(request, home):
    """The GovernmentOrganization of the home page, with the pôles as departments."""
    settings = navigation.site_settings(request)
    locale = Locale.get_active()

    def build():
        poles = PolePage.objects.live().public().filter(locale=locale).order_by("path")
        return [(pole.title, pole.get_full_url(request)) for pole in poles]

    # Titles and URLs of pages: cached until a page is saved (a new navigation version).
    departments = content_cached("organisation-departments", locale.pk, build=build)
    return jsonld.script_tag(jsonld.organisation(home.get_full_url(request), settings, departments))


@hooks.register(EMAIL_MESSAGES_HOOK)
def technoprevention_email_messages():
    """The staff notice of a technoprévention request, sent by the email task."""
    from .emails import request_notice

    return {"technoprevention-request": request_notice}
