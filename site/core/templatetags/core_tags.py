from django import template

from maison.core import navigation
from maison.core.blocks import EMERGENCY_SERVICES

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    return navigation.language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    request = context.get("request")
    return navigation.home_url(request) if request is not None else "/"


@register.simple_tag(takes_context=True)
def footer_urls(context, site_settings) -> dict[str, str]:
    request = context.get("request")
    if request is None or site_settings is None:
        return {}
    return navigation.footer_urls(request, site_settings)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    items = navigation.menu_items(request) if request is not None else []
    page = context.get("page")
    current_path = getattr(page, "url_path", "") or ""
    return {
        "menu_items": [
            {**item, "current": current_path.startswith(item["url_path"])} for item in items
        ],
        "request": request,
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    if page is None or not getattr(page, "pk", None) or page.depth <= 2 or request is None:
        return {"ancestors": [], "page": page}
    return {"ancestors": navigation.breadcrumb_items(request, page), "page": page}


@register.simple_tag(takes_context=True)
def site_settings(context):
    request = context.get("request")
    if request is None:
        return None
    return navigation.site_settings(request)


@register.simple_tag(takes_context=True)
def quick_exit_enabled(context, settings_obj=None) -> bool:
    """Quick exit shows when the page asks for it, the view asks for it, or the site does."""
    page = context.get("page")
    if context.get("quick_exit") or getattr(page, "quick_exit", False):
        return True
    return bool(settings_obj and settings_obj.quick_exit_everywhere)


@register.filter
def localized_page(page):
    return page.localized if page is not None else None


@register.filter
def emergency_service_label(code: str) -> str:
    return dict(EMERGENCY_SERVICES).get(code, "")
