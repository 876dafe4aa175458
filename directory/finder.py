"""The association finder: full-text search, facets with counts, relevance-then-name order.

Everything comes from GET parameters (shareable URLs, no JavaScript needed):
``q`` (text), ``need``/``audience``/``language``/``commune`` (repeatable, OR within a
facet), ``open``/``free``/``walkin``/``anonymous``/``stepfree`` (flags), ``page``.
Facets combine with AND. Each option shows how many results ticking it would give with the
*other* facets unchanged (disjunctive faceting), computed with one aggregate query per facet,
whatever the number of associations.

Search terms are never stored or logged: no search-promotions ``Query`` hit is recorded and
nothing here writes to a logger.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from maison.search.views import clean_query
from maison.services.models import Audience, Language, Need
from maison.services.opening_hours import (
    BRUSSELS,
    DateException,
    OpeningHours,
    WeeklyRange,
)

from .models import (
    COMMUNES,
    AssociationLocation,
    AssociationPage,
    Cost,
    LocationHoursException,
    LocationWeeklyHours,
    commune_label,
)

WORD_RE = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20
MAX_VALUES_PER_FACET = 30
MAX_PAGE = 10_000

# name -> (GET parameter, lookup from the association, label)
MULTI_FACETS = {
    "need": "needs__slug",
    "audience": "audiences__slug",
    "language": "languages__code",
    "commune": "locations__commune",
}
FLAG_FACETS = ("open", "free", "walkin", "anonymous", "stepfree")
TRUE_VALUES = {"1", "on", "true", "yes"}


class FinderError(ValueError):
    """A query string that cannot be read at all (answered with a 400)."""


@dataclass
class FinderState:
    query: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def has_filters(self) -> bool:
        return bool(self.query or self.flags or any(self.selected.values()))


def search_words(raw: str) -> str:
    """Words only: quotes, stars, brackets and operators would be read as full-text query
    syntax (an unbalanced quote is an error in SQLite FTS5)."""
    return " ".join(WORD_RE.findall(clean_query(raw)))[:MAX_QUERY_LENGTH]


def read_state(params, known_values: dict[str, set[str]]) -> FinderState:
    """The finder's state from a QueryDict; unknown values are dropped, never an error."""
    state = FinderState(query=search_words(params.get("q", "")))
    for name in MULTI_FACETS:
        values = []
        for value in params.getlist(name)[: MAX_VALUES_PER_FACET * 2]:
            value = value.strip()
            if value in known_values[name] and value not in values:
                values.append(value)
        state.selected[name] = values[:MAX_VALUES_PER_FACET]
    state.flags = {name for name in FLAG_FACETS if params.get(name, "").lower() in TRUE_VALUES}
    return state


def sort_key(title: str) -> str:
    """Accent- and case-insensitive: "École" sorts with "Ecole", before "Foyer"."""
    decomposed = unicodedata.normalize("NFKD", title)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def open_now_ids(associations, now=None) -> set[int]:
    """Ids of the associations (a queryset) with a location open at ``now``, in two queries:
    only the weekly rows of today and yesterday (overnight ranges) and the exceptions that
    cover those two days are read, then the pure calculator decides."""
    now = now or timezone.now()
    today = now.astimezone(BRUSSELS).date()
    yesterday = today - timezone.timedelta(days=1)
    pages = associations.values("pk")
    hours: dict[int, OpeningHours] = {}
    owner: dict[int, int] = {}
    for location_id, page_id, weekday, opens, closes in LocationWeeklyHours.objects.filter(
        location__page__in=pages, weekday__in={today.weekday(), yesterday.weekday()}
    ).values_list("location_id", "location__page_id", "weekday", "opens", "closes"):
        owner[location_id] = page_id
        hours.setdefault(location_id, OpeningHours()).weekly.append(
            WeeklyRange(opens=opens, closes=closes, weekday=weekday)
        )
    for row in LocationHoursException.objects.filter(
        location__page__in=pages, start_date__lte=today, end_date__gte=yesterday
    ).values_list(
        "location_id", "location__page_id", "start_date", "end_date", "closed", "opens", "closes"
    ):
        location_id, page_id, start, end, closed, opens, closes = row
        owner[location_id] = page_id
        hours.setdefault(location_id, OpeningHours()).exceptions.append(
            DateException(start=start, end=end, closed=closed, opens=opens, closes=closes)
        )
    return {owner[loc] for loc, oh in hours.items() if oh.status(now).is_open}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    lang: str = ""


@dataclass
class Facet:
    name: str
    legend: str
    options: list[Option]

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


@dataclass
class Suggestion:
    label: str
    url: str
    count: int


@dataclass
class FinderResult:
    state: FinderState
    page_obj: object
    total: int
    facets: list[Facet]
    flags: list[Option]
    suggestions: list[Suggestion]
    quick_exit: bool

    def context(self) -> dict:
        context = {
            "state": self.state,
            "search_query": self.state.query,
            "page_obj": self.page_obj,
            "associations": self.page_obj.object_list,
            "total": self.total,
            "facets": self.facets,
            "flag_options": self.flags,
            "suggestions": self.suggestions,
        }
        if self.quick_exit:
            context["quick_exit"] = True
        return context


class Finder:
    def __init__(self, directory, state: FinderState, now=None):
        self.directory = directory
        self.state = state
        self.now = now or timezone.now()
        self.base = AssociationPage.objects.child_of(directory).live().public()
        self.scores: dict[int, float] = {}
        self._open_ids: set[int] | None = None

    # --- filtering ---------------------------------------------------------------------

    def search_ids(self) -> dict[int, float]:
        """pk -> relevance of the associations matching the text, in the page's language."""
        results = (
            AssociationPage.objects.live()
            .filter(locale_id=self.directory.locale_id)
            # Any of the words: people type phrases ("aide décrochage scolaire"); results
            # matching more of them rank first.
            .search(self.state.query, operator="or")
            .annotate_score("_score")
        )
        # SQLite's bm25 is lower-is-better, PostgreSQL's ts_rank higher-is-better.
        sign = -1.0 if connection.vendor == "sqlite" else 1.0
        return {page.pk: sign * float(getattr(page, "_score", 0) or 0) for page in results}

    @property
    def open_ids(self) -> set[int]:
        if self._open_ids is None:
            self._open_ids = open_now_ids(self.base, self.now)
        return self._open_ids

    def filtered(self, without: str | None = None, with_query: bool = True):
        qs = self.base
        if with_query and self.state.query:
            qs = qs.filter(pk__in=list(self.scores))
        for name, lookup in MULTI_FACETS.items():
            values = self.state.selected.get(name)
            if values and name != without:
                matching = AssociationPage.objects.filter(**{f"{lookup}__in": values})
                qs = qs.filter(pk__in=matching.values("pk"))
        for name in self.state.flags:
            if name != without:
                qs = self.apply_flag(qs, name)
        return qs

    def apply_flag(self, qs, name: str):
        if name == "open":
            return qs.filter(pk__in=self.open_ids)
        if name == "free":
            return qs.filter(cost=Cost.FREE)
        if name == "walkin":
            return qs.filter(access_walk_in=True)
        if name == "anonymous":
            return qs.filter(anonymous=True)
        if name == "stepfree":
            stepfree = AssociationLocation.objects.filter(step_free_access="yes")
            return qs.filter(pk__in=stepfree.values("page_id"))
        raise FinderError(name)

    # --- facets ------------------------------------------------------------------------

    def multi_counts(self, name: str) -> dict[str, int]:
        lookup = MULTI_FACETS[name]
        rows = (
            self.filtered(without=name)
            .order_by()
            .values(lookup)
            .annotate(n=Count("pk", distinct=True))
            .values_list(lookup, "n")
        )
        return {value: n for value, n in rows if value is not None}

    def flag_count(self, name: str) -> int:
        return self.apply_flag(self.filtered(without=name), name).count()

    def facets(self, vocab) -> list[Facet]:
        facets = []
        legends = {
            "need": _("What for"),
            "audience": _("For whom"),
            "language": _("Languages spoken"),
            "commune": _("Commune"),
        }
        for name in MULTI_FACETS:
            counts = self.multi_counts(name)
            selected = self.state.selected.get(name, [])
            options = [
                Option(value, label, counts.get(value, 0), value in selected, lang)
                for value, label, lang in vocab[name]
            ]
            # Options that would give nothing are left out, unless ticked.
            options = [o for o in options if o.count or o.selected]
            facets.append(Facet(name, legends[name], options))
        return facets

    def flag_options(self) -> list[Option]:
        labels = {
            "open": _("Open now"),
            "free": _("Free"),
            "walkin": _("Walk-in, without appointment"),
            "anonymous": _("Anonymous"),
            "stepfree": _("Step-free access"),
        }
        return [
            Option(name, labels[name], self.flag_count(name), name in self.state.flags)
            for name in FLAG_FACETS
        ]

    # --- results -----------------------------------------------------------------------

    def ordered_ids(self) -> list[int]:
        rows = list(self.filtered().order_by().values_list("pk", "title"))
        rows.sort(key=lambda row: (-self.scores.get(row[0], 0.0), sort_key(row[1])))
        return [pk for pk, _title in rows]

    def suggestions(self, params) -> list[Suggestion]:
        """When nothing matches: what each active filter gives once removed."""
        suggestions = []
        if self.state.query:
            count = self.filtered(with_query=False).count()
            suggestions.append(
                Suggestion(
                    _("Search without the words “%(q)s”") % {"q": self.state.query},
                    _url_without(params, "q"),
                    count,
                )
            )
        for name in MULTI_FACETS:
            if self.state.selected.get(name):
                suggestions.append(
                    Suggestion(
                        self._relax_label(name),
                        _url_without(params, name),
                        self.filtered(without=name).count(),
                    )
                )
        for name in FLAG_FACETS:
            if name in self.state.flags:
                suggestions.append(
                    Suggestion(
                        self._relax_label(name),
                        _url_without(params, name),
                        self.filtered(without=name).count(),
                    )
                )
        return sorted(suggestions, key=lambda s: -s.count)

    @staticmethod
    def _relax_label(name: str) -> str:
        return {
            "need": _("Any need"),
            "audience": _("Any audience"),
            "language": _("Any language"),
            "commune": _("Any commune"),
            "open": _("Also closed right now"),
            "free": _("Also paying"),
            "walkin": _("Also by appointment"),
            "anonymous": _("Also not anonymous"),
            "stepfree": _("Also without step-free access"),
        }[name]


def _url_without(params, name: str) -> str:
    copy = params.copy()
    copy.pop(name, None)
    copy.pop("page", None)
    encoded = copy.urlencode()
    return f"?{encoded}" if encoded else "?"


def vocabulary(locale) -> dict[str, list[tuple[str, str, str]]]:
    """(value, label, lang attribute) of every facet option, in the page's language."""
    return {
        "need": [(n.slug, n.name, "") for n in Need.objects.filter(locale=locale)],
        "audience": [(a.slug, a.name, "") for a in Audience.objects.filter(locale=locale)],
        "language": [(lang.code, lang.name, "") for lang in Language.objects.filter(locale=locale)],
        "commune": [
            *sorted(
                ((code, commune_label(code), "") for code, _fr, _nl in COMMUNES),
                key=lambda row: sort_key(row[1]),
            ),
            ("other", commune_label("other"), ""),
        ],
    }


def _known(vocab) -> dict[str, set[str]]:
    return {name: {value for value, _label, _lang in rows} for name, rows in vocab.items()}


def run_finder(directory, request, now=None) -> FinderResult:
    vocab = vocabulary(directory.locale_id)
    state = read_state(request.GET, _known(vocab))
    finder = Finder(directory, state, now=now)
    if state.query:
        finder.scores = finder.search_ids()
    ids = finder.ordered_ids()
    paginator = Paginator(ids, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(_page_number(request.GET.get("page")))
    page_ids = list(page_obj.object_list)
    objects = {
        page.pk: page
        for page in AssociationPage.objects.filter(pk__in=page_ids)
        .select_related("listing_image")
        .prefetch_related(
            "needs",
            Prefetch(
                "locations",
                queryset=AssociationLocation.objects.prefetch_related(
                    "weekly_hours", "hours_exceptions"
                ),
            ),
        )
    }
    page_obj.object_list = [objects[pk] for pk in page_ids if pk in objects]
    for association in page_obj.object_list:
        association.is_open_now = association.pk in finder.open_ids
    facets = finder.facets(vocab)
    flags = finder.flag_options()
    suggestions = finder.suggestions(request.GET) if not ids and state.has_filters else []
    quick_exit = _needs_quick_exit(state, directory.locale_id)
    return FinderResult(state, page_obj, len(ids), facets, flags, suggestions, quick_exit)


def _needs_quick_exit(state: FinderState, locale_id) -> bool:
    """A search filtered on a sensitive need, or whose words name one, shows quick exit."""
    sensitive = list(Need.objects.filter(sensitive=True).values_list("slug", "name", "locale_id"))
    if {slug for slug, _name, _locale in sensitive} & set(state.selected.get("need", [])):
        return True
    if not state.query:
        return False
    words = set(sort_key(state.query).split())
    for _slug, name, locale in sensitive:
        if locale == locale_id and words & {
            w for w in WORD_RE.findall(sort_key(name)) if len(w) >= 4
        }:
            return True
    return False


def _page_number(raw) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)
