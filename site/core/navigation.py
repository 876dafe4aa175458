"""Where the visitor is: the home page of their language, the menu, the other languages."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site


def current_site(request) -> Site | None:
    if not hasattr(request, "_maison_site"):
        request._maison_site = Site.find_for_request(request)
    return request._maison_site


def localized_home(request) -> Page | None:
    """The site's root page in the active language (falls back to the default language)."""
    if not hasattr(request, "_maison_home"):
        site = current_site(request)
        home = None
        if site is not None:
            root = site.root_page
            home = root.get_translation_or_none(Locale.get_active()) or root
        request._maison_home = home
    return request._maison_home


def menu_pages(request) -> list[Page]:
    home = localized_home(request)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().only("id", "title", "url_path"))


def language_links(request, page: Page | None) -> list[dict]:
    """One link per language: the same page in that language when it exists and is live,
    else that language's home page; for views that are not pages, the same URL."""
    active = get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for translation in (
            page.get_translations(inclusive=True).live().public().select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
        homes = {}
        site = current_site(request)
        if site is not None:
            for home in (
                site.root_page.get_translations(inclusive=True).live().select_related("locale")
            ):
                homes[home.locale.language_code] = home
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "pk", None):
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        else:
            current = request.get_full_path()
            url = translate_url(current, code)
            if url == current and code != active:
                url = f"/{code}/"  # a URL that does not resolve (404): that language's home
        links.append({"code": code, "name": name, "url": url, "active": code == active})
    return links
