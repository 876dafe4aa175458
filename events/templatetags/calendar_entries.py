"""``{% entry_items entries heading="h4" with_links=True show_date=False %}``: the ``<li>``
of each calendar entry (templates/events/includes/entry.html), from the cache.

An entry's HTML depends only on its date (times, status, note, room), its owner page
(title, URL in the visitor's language) and the language: the same for every visitor and
unchanged until an editor saves something. So it is kept under the content version
(`core.navigation`), per language, host and variant, and a list is read with one
``get_many``; only the entries not seen since the last save are rendered. Previews
render everything (draft content is never cached).
"""

from django import template
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from maison.core.navigation import NAVIGATION_TIMEOUT, content_version

register = template.Library()

ENTRY_TEMPLATE = "events/includes/entry.html"


@register.simple_tag(takes_context=True)
def entry_items(context, entries, heading="h3", with_links=False, show_date=False):
    entries = list(entries)
    if not entries:
        return ""
    request = context.get("request")
    variables = {"heading": heading, "with_links": with_links, "show_date": show_date}
    template_ = get_template(ENTRY_TEMPLATE)

    def render(entry) -> str:
        return template_.render({"entry": entry, **variables}, request)

    if request is None or getattr(request, "is_preview", False):
        return mark_safe("".join(render(entry) for entry in entries))  # noqa: S308
    prefix = ":".join(
        (
            "maison:entry",
            content_version(),
            get_language() or "",
            request.get_host(),
            heading,
            "links" if with_links else "-",
            "date" if show_date else "-",
        )
    )
    keys = [f"{prefix}:{entry.occurrence.pk}" for entry in entries]
    found = cache.get_many(keys)
    rendered, missing = [], {}
    for key, entry in zip(keys, entries, strict=True):
        html = found.get(key)
        if html is None:
            html = missing[key] = render(entry)
        rendered.append(html)
    if missing:
        cache.set_many(missing, NAVIGATION_TIMEOUT)
    # Each piece comes from the entry template, which escapes what it shows.
    return mark_safe("".join(rendered))  # noqa: S308
