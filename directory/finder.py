"""The association finder: full-text search, facets with counts, relevance-then-name order.

Everything comes from GET parameters (shareable URLs, no JavaScript needed):
``q`` (text), ``need``/``audience``/``language``/``commune`` (repeatable, OR within a
facet), ``open``/``free``/``walkin``/``anonymous``/``stepfree`` (flags), ``page``.
Facets combine with AND. Each option shows how many results ticking it would give with the
*other* facets unchanged (disjunctive faceting), computed as set intersections from one
plain read per facet, whatever the number of associations (see ``Finder``).

Search terms are never stored or logged: no search-promotions ``Query`` hit is recorded and
nothing here writes to a logger.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from maison.core.content_cache import content_cached, lazy
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


def hours_around(associations, today) -> list[tuple[int, OpeningHours]]:
    """(association pk, opening hours) of each location of the associations (a queryset),
    in two queries: only the weekly rows of ``today`` and the day before (overnight ranges)
    and the exceptions that cover those two days are read."""
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
    return [(owner[location_id], oh) for location_id, oh in hours.items()]


def open_now_ids(hours: list[tuple[int, OpeningHours]], now) -> set[int]:
    """Ids of the associations with a location open at ``now`` (the pure calculator)."""
    return {page_id for page_id, oh in hours if oh.status(now).is_open}


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


class FinderResult:
    """What the directory page shows. The state and the quick exit are read at once (bad
    input answers 400; the chrome shows the quick exit); the results, counts and
    suggestions only when the template reads them (``context()`` hands lazy values, see
    core.content_cache.lazy), so a main region served from the cache runs no query."""

    def __init__(self, finder: Finder, vocab, params, quick_exit: bool):
        self.finder = finder
        self.state = finder.state
        self.vocab = vocab
        self.params = params
        self.quick_exit = quick_exit

    @cached_property
    def searched(self) -> Finder:
        """The finder, with the full-text scores of the words when there are words: every
        count and the order read them."""
        if self.state.query:
            self.finder.scores = self.finder.search_ids()
        return self.finder

    @cached_property
    def ids(self) -> list[int]:
        return self.searched.ordered_ids()

    @cached_property
    def page_obj(self):
        page_obj = Paginator(self.ids, RESULTS_PER_PAGE).get_page(
            _page_number(self.params.get("page"))
        )
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
            association.is_open_now = association.pk in self.searched.open_ids
        return page_obj

    def suggestions(self) -> list[Suggestion]:
        if self.ids or not self.state.has_filters:
            return []
        return self.searched.suggestions(self.params)

    def context(self) -> dict:
        context = {
            "state": self.state,
            "search_query": self.state.query,
            "page_obj": lazy(lambda: self.page_obj),
            "associations": lazy(lambda: self.page_obj.object_list),
            "total": lazy(lambda: len(self.ids)),
            "facets": lazy(lambda: self.searched.facets(self.vocab)),
            "flag_options": lazy(lambda: self.searched.flag_options()),
            "suggestions": lazy(self.suggestions),
        }
        if self.quick_exit:
            context["quick_exit"] = True
        return context


class Finder:
    """Filters and counts in Python sets, from a handful of plain reads: the directory's
    live associations (pk, title, cost, access, anonymity), one ``(pk, value)`` read per
    multi-valued facet, the step-free locations, the open-now calculation and, with words,
    the full-text search. Every count is then a set intersection, so a search matching
    many associations does not send long ``IN`` lists to ten aggregate queries."""

    def __init__(self, directory, state: FinderState, now=None):
        self.directory = directory
        self.state = state
        self.now = now or timezone.now()
        self.scores: dict[int, float] = {}
        self._open_ids: set[int] | None = None
        self._flag_sets: dict[str, set[int]] = {}

    # --- reads -------------------------------------------------------------------------

    @cached_property
    def base(self):
        """The directory's live public associations (a queryset built when first read:
        building it is not free, and a main region served from the cache needs none)."""
        return AssociationPage.objects.child_of(self.directory).live().public()

    def search_ids(self) -> dict[int, float]:
        """pk -> relevance of the associations matching the text, in the page's language."""
        results = (
            AssociationPage.objects.live()
            .filter(locale_id=self.directory.locale_id)
            .only("pk")  # the ids and scores only: no page built from a full row
            # Any of the words: people type phrases ("aide décrochage scolaire"); results
            # matching more of them rank first.
            .search(self.state.query, operator="or")
            .annotate_score("_score")
        )
        # SQLite's bm25 is lower-is-better, PostgreSQL's ts_rank higher-is-better.
        sign = -1.0 if connection.vendor == "sqlite" else 1.0
        return {page.pk: sign * float(getattr(page, "_score", 0) or 0) for page in results}

    @cached_property
    def content(self) -> dict:
        """What the editors' content decides (not the clock): the rows, the multi-valued
        facets' sets and the step-free associations, read once per navigation version
        (core.content_cache: any page save starts a new one)."""
        return content_cached("directory-finder", self.directory.pk, build=self._read_content)

    def _read_content(self) -> dict:
        rows = self.base.order_by().values_list(
            "pk", "title", "cost", "access_walk_in", "anonymous"
        )
        facet_sets = {}
        for name, lookup in MULTI_FACETS.items():
            sets: dict[str, set[int]] = {}
            for pk, value in self.base.order_by().values_list("pk", lookup):
                if value is not None:
                    sets.setdefault(value, set()).add(pk)
            facet_sets[name] = sets
        step_free = set(
            AssociationLocation.objects.filter(
                page__in=self.base.values("pk"), step_free_access="yes"
            ).values_list("page_id", flat=True)
        )
        return {
            "rows": {
                pk: (title, cost, walk_in, anonymous)
                for pk, title, cost, walk_in, anonymous in rows
            },
            "facet_sets": facet_sets,
            "step_free": step_free,
        }

    @property
    def rows(self) -> dict[int, tuple[str, str, bool, bool]]:
        """pk -> (title, cost, walk-in, anonymous) of every live public association."""
        return self.content["rows"]

    @property
    def open_ids(self) -> set[int]:
        if self._open_ids is None:
            # The hours are content (a new version on any save); "open now" is the clock's.
            today = self.now.astimezone(BRUSSELS).date()
            hours = content_cached(
                "directory-hours",
                self.directory.pk,
                today,
                build=lambda: hours_around(self.base, today),
            )
            self._open_ids = open_now_ids(hours, self.now)
        return self._open_ids

    def value_sets(self, name: str) -> dict[str, set[int]]:
        """value -> pks having it, for a multi-valued facet (one read)."""
        return self.content["facet_sets"][name]

    def flag_ids(self, name: str) -> set[int]:
        if name not in self._flag_sets:
            rows = self.rows
            if name == "open":
                ids = self.open_ids & rows.keys()
            elif name == "free":
                ids = {pk for pk, row in rows.items() if row[1] == Cost.FREE}
            elif name == "walkin":
                ids = {pk for pk, row in rows.items() if row[2]}
            elif name == "anonymous":
                ids = {pk for pk, row in rows.items() if row[3]}
            elif name == "stepfree":
                ids = set(self.content["step_free"])
            else:
                raise FinderError(name)
            self._flag_sets[name] = ids
        return self._flag_sets[name]

    # --- filtering ---------------------------------------------------------------------

    def matching(self, without: str | None = None, with_query: bool = True) -> set[int]:
        """The pks that every active filter (except ``without``) lets through."""
        ids = set(self.rows)
        if with_query and self.state.query:
            ids &= self.scores.keys()
        for name in MULTI_FACETS:
            values = self.state.selected.get(name)
            if values and name != without:
                sets = self.value_sets(name)
                ids &= set().union(*(sets.get(value, set()) for value in values))
        for name in self.state.flags:
            if name != without:
                ids &= self.flag_ids(name)
        return ids

    # --- facets ------------------------------------------------------------------------

    def multi_counts(self, name: str) -> dict[str, int]:
        others = self.matching(without=name)
        return {value: len(pks & others) for value, pks in self.value_sets(name).items()}

    def flag_count(self, name: str) -> int:
        return len(self.flag_ids(name) & self.matching(without=name))

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
        titles = {pk: self.rows[pk][0] for pk in self.matching()}
        return sorted(titles, key=lambda pk: (-self.scores.get(pk, 0.0), sort_key(titles[pk])))

    def suggestions(self, params) -> list[Suggestion]:
        """When nothing matches: what each active filter gives once removed."""
        suggestions = []
        if self.state.query:
            count = len(self.matching(with_query=False))
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
                        len(self.matching(without=name)),
                    )
                )
        for name in FLAG_FACETS:
            if name in self.state.flags:
                suggestions.append(
                    Suggestion(
                        self._relax_label(name),
                        _url_without(params, name),
                        len(self.matching(without=name)),
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
    """(value, label, lang attribute) of every facet option, in the page's language (read
    once per navigation version: saving a vocabulary starts a new one)."""
    return content_cached(
        "directory-vocabulary", locale, get_language(), build=lambda: _vocabulary(locale)
    )


def _vocabulary(locale) -> dict[str, list[tuple[str, str, str]]]:
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
    quick_exit = _needs_quick_exit(state, directory.locale_id)
    return FinderResult(finder, vocab, request.GET, quick_exit)


def _needs_quick_exit(state: FinderState, locale_id) -> bool:
    """A search filtered on a sensitive need, or whose words name one, shows quick exit."""
    sensitive = content_cached(
        "sensitive-needs",
        build=lambda: list(
            Need.objects.filter(sensitive=True).values_list("slug", "name", "locale_id")
        ),
    )
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
