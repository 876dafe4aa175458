"""Shared vocabularies (translatable snippets): needs, audiences, languages spoken, funders.

Services, youth activities and partner associations all use the same ones, so one filter
vocabulary serves the whole site. ``slug`` / ``code`` are stable across languages (the
French original and its translations share them) and are what URLs and filters use.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index


class TaxonomyQuerySet(models.QuerySet):
    def in_locale(self, locale=None):
        return self.filter(locale=locale or Locale.get_active())


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Stable identifier used in links and filters; the same in every language."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    objects = TaxonomyQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Need(Taxonomy):
    """What a person is looking for help with (school dropout, violence at home…)."""

    description = models.CharField(_("short description"), max_length=255, blank=True)
    sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_(
            "Violence, addiction, LGBTQI+, homelessness…: pages and filters about this need "
            "show the quick-exit button."
        ),
    )

    search_fields = [*Taxonomy.search_fields, index.SearchField("description")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_need_slug_locale")
        ]


class Audience(Taxonomy):
    """Who a service or activity is for (children, youth 12–17, parents, everyone…)."""

    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)

    class Meta(Taxonomy.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_audience_slug_locale")
        ]


class Language(TranslatableMixin, index.Indexed, models.Model):
    """A language in which people can be helped (its name in the visitor's language)."""

    code = models.CharField(
        _("language code"), max_length=12, help_text=_("ISO 639 code, e.g. fr, nl, ar, ln.")
    )
    name = models.CharField(_("name"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    objects = TaxonomyQuerySet.as_manager()
    search_fields = [index.SearchField("name"), index.FilterField("code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_language_code_locale")
        ]

    def __str__(self):
        return self.name


class Funder(TranslatableMixin, index.Indexed, models.Model):
    """A public body that funds a service, and the plan or agreement it funds it through."""

    name = models.CharField(_("name"), max_length=160)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    programme = models.CharField(
        _("plan or agreement"),
        max_length=255,
        blank=True,
        help_text=_("E.g. Plan bruxellois de prévention et de proximité."),
    )
    url = models.URLField(_("website"), blank=True)

    search_fields = [index.SearchField("name"), index.SearchField("programme")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]

    def __str__(self):
        return self.name


def localized_all(objects) -> list:
    """The translations, in the active language, of ``objects`` (any translatable models of
    one class) in one query; an object without a translation is kept as it is."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    language = (get_language() or "").split("-")[0]
    active = Locale.get_active()  # read once per request (core.request_memo)
    if active.language_code == language and all(o.locale_id == active.pk for o in objects):
        return objects  # already in the active language: nothing to look up
    by_key = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[o.translation_key for o in objects],
            locale__language_code=language,
        )
    }
    return [by_key.get(obj.translation_key, obj) for obj in objects]


def page_cached(request, page, name: str, build):
    """``build()``, cached per page and language under the navigation version (which a
    save of any page or vocabulary replaces); never for a preview, whose draft content
    is not the page's saved content."""
    from maison.core.content_cache import content_cached

    if getattr(request, "is_preview", False):
        return build()
    return content_cached(name, page.pk, get_language(), build=build)


def lazy_facts(request, page, name: str, build, names) -> dict:
    """Context entries for a page's cached facts (``page_cached(name)``), each lazy (a
    region served from the cache reads none), plus ``quick_exit`` when one of the
    ``needs`` fact is sensitive: the chrome reads it outside the cached regions, so it is
    its own small cached flag (a served page unpickles none of the other facts)."""
    from maison.core.content_cache import lazy

    facts = lazy(lambda: page_cached(request, page, name, build=build))
    context = {key: lazy(lambda key=key: facts()[key]) for key in names}
    sensitive = page_cached(
        request,
        page,
        f"{name}-sensitive",
        build=lambda: any(need.sensitive for need in facts()["needs"]),
    )
    if sensitive:
        context["quick_exit"] = True
    return context
