"""Cached pieces of templates.

``{% cached_region "name" %}…{% endcached_region %}``: a region of the page (base.html
wraps the head extras and the main content), from ``core.content_cache.region_cached``.

``{% render_each items "template.html" item="name" key="pk" vary="" var=value… %}``: the
template rendered for each item, concatenated, from the cache where it can. Options:
``per_slot=True`` keys the items by the ``SECTION_CACHE_SECONDS`` slot too (for values that
follow the clock but are not worth a ``vary``); ``prepare=callable`` (a context value that
templates must not call: ``do_not_call_in_templates``) turns the items to render into what
the template needs, all at once (search results: the specific pages of the misses only).

For list items that every visitor sees alike (calendar entries, activity and association
cards): their HTML depends on saved content, the language and the host, plus the few
time-dependent values named in ``vary`` (an activity's next date, an association's "open
now"), which are part of the key. Entries live under the content version
(`core.navigation`), so an editor's save replaces them all; a list is read with one
``get_many`` and only the items not seen since then are rendered. Previews render
everything (draft content is never cached).
"""

import hashlib
import time

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from maison.core.content_cache import region_cached, versioned_key
from maison.core.navigation import NAVIGATION_TIMEOUT

register = template.Library()


def _lookup(item, path: str):
    for part in path.split("."):
        item = getattr(item, part, None)
    return item


@register.simple_tag(takes_context=True)
def render_each(context, items, template_name, **options):
    name = options.pop("item", "item")
    key_path = options.pop("key", "pk")
    vary = options.pop("vary", "").split()
    per_slot = options.pop("per_slot", False)
    prepare = options.pop("prepare", None)
    items = list(items)
    if not items:
        return ""
    request = context.get("request")
    template_ = get_template(template_name)

    def render(item) -> str:
        return template_.render({name: item, **options}, request)

    if request is None or getattr(request, "is_preview", False):
        if prepare is not None:
            items = list(prepare(items))
        return mark_safe("".join(render(item) for item in items))  # noqa: S308
    variables = ",".join(f"{k}={v}" for k, v in sorted(options.items()))
    prefix = "\n".join((get_language() or "", request.get_host(), template_name, variables))
    base = versioned_key("fragment")  # the version read once for the whole list
    if per_slot:  # what depends on the clock, once per section slot (as cached sections)
        base += f":{int(time.time() // max(getattr(settings, 'SECTION_CACHE_SECONDS', 300), 1))}"

    def key(item) -> str:
        parts = [prefix, str(_lookup(item, key_path)), *(str(_lookup(item, v)) for v in vary)]
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
        return f"{base}:{digest}"

    keys = [key(item) for item in items]
    found = cache.get_many(keys)
    if prepare is not None:
        # The items to render, made ready together (e.g. specific pages in a few queries).
        positions = [i for i, key in enumerate(keys) if found.get(key) is None]
        for i, ready in zip(positions, prepare([items[i] for i in positions]), strict=True):
            items[i] = ready
    rendered, missing = [], {}
    for key, item in zip(keys, items, strict=True):
        html = found.get(key)
        if html is None:
            html = missing[key] = render(item)
        rendered.append(html)
    if missing:
        cache.set_many(missing, NAVIGATION_TIMEOUT)
    # Each piece comes from a template, which escapes what it shows.
    return mark_safe("".join(rendered))  # noqa: S308


class CachedRegionNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        name = self.name.resolve(context)

        def render(csrf_token: str | None) -> str:
            if csrf_token is None:
                return self.nodelist.render(context)
            with context.push(csrf_token=csrf_token):
                return self.nodelist.render(context)

        return region_cached(context.get("request"), context.get("page"), name, render)


@register.tag
def cached_region(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('{% cached_region "name" %} takes one name')
    nodelist = parser.parse(("endcached_region",))
    parser.delete_first_token()
    return CachedRegionNode(parser.compile_filter(bits[1]), nodelist)
