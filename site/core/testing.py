"""Test support shared by every app's tests: a minimal site tree in the three languages.

Kept in the package (not in tests/) so benchmarks can build the same tree.
"""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from .demo_tools import ensure_locales, ensure_root_collection
from .models import HomePage, SiteSettings


@dataclass
class SiteTree:
    site: Site
    homes: dict[str, HomePage] = field(default_factory=dict)

    @property
    def home(self) -> HomePage:
        return self.homes["fr"]


def translate(page: Page, language_code: str, **fields) -> Page:
    """Copy ``page`` into another language, set ``fields`` and publish it."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    ).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


def build_site_tree() -> SiteTree:
    """Locales fr/nl/en, a home page per language and the default Site pointing at the
    French one. Works on an empty database too (after a transactional test's flush)."""
    locales = ensure_locales()
    root = Page.get_first_root_node()
    for child in root.get_children():  # Wagtail's "Welcome" page
        child.delete()
    home = HomePage(title="Accueil", slug="accueil", intro="Bienvenue.", locale=locales["fr"])
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test"
    )
    homes = {"fr": home}
    titles = {"nl": ("Welkom", "Welkom."), "en": ("Home", "Welcome.")}
    for code, (title, intro) in titles.items():
        homes[code] = translate(home, code, title=title, intro=intro, slug=f"home-{code}")
    SiteSettings.for_site(site).save()
    return SiteTree(site=site, homes=homes)


def make_document(name: str, content: bytes, collection=None):
    """A Wagtail document holding ``content``, in ``collection`` (default: the root)."""
    document = get_document_model()(title=name, collection=collection or ensure_root_collection())
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document
