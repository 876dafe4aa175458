"""The finder as a visitor uses it: facets alone and combined, counts, open now, safety."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation

from directory.testing import add_association
from maison.core.models import SiteSettings

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def data(directory_tree):
    t = directory_tree
    d = t.directory
    school = add_association(
        d,
        "École des devoirs",
        needs=[t.needs["decrochage-scolaire"]["fr"]],
        audiences=[t.audiences["jeunes"]["fr"]],
        languages=[t.languages["fr"]["fr"], t.languages["ar"]["fr"]],
        access_walk_in=True,
        cost="free",
        locations=[
            {
                "commune": "ixelles",
                "step_free_access": "yes",
                "hours": [(day, "09:00", "17:00") for day in range(5)],
                "closures": [(dt.date(2026, 5, 8), dt.date(2026, 5, 8))],
            }
        ],
    )
    shelter = add_association(
        d,
        "Refuge Aurore",
        needs=[t.needs["violence-familiale"]["fr"]],
        audiences=[t.audiences["parents"]["fr"]],
        languages=[t.languages["fr"]["fr"], t.languages["nl"]["fr"]],
        anonymous=True,
        cost="free",
        locations=[
            {
                "commune": "saint-gilles",
                "step_free_access": "no",
                "hours": [(day, "22:00", "06:00") for day in range(7)],
            }
        ],
    )
    housing = add_association(
        d,
        "Logement Plus",
        needs=[t.needs["logement"]["fr"]],
        audiences=[t.audiences["parents"]["fr"]],
        languages=[t.languages["nl"]["fr"]],
        cost="paying",
        access_appointment=True,
        locations=[
            {"commune": "ixelles", "step_free_access": "partial", "hours": [(5, "10:00", "12:00")]},
            {"commune": "schaerbeek", "step_free_access": "partial"},
        ],
    )
    add_association(
        d,
        "Brouillon caché",
        live=False,
        needs=[t.needs["decrochage-scolaire"]["fr"]],
        access_walk_in=True,
        locations=[{"commune": "ixelles", "step_free_access": "yes"}],
    )
    return {"tree": t, "school": school, "shelter": shelter, "housing": housing}


def finder(client, directory, query=""):
    response = client.get(directory.url + query)
    assert response.status_code == 200
    return response


def titles(response):
    return [a.title for a in response.context["associations"]()]


def counts(response, facet):
    if facet == "flags":
        return {o.value: o.count for o in response.context["flag_options"]()}
    facet = next(f for f in response.context["facets"]() if f.name == facet)
    return {o.value: o.count for o in facet.options}


def test_no_filter_lists_live_associations_by_name_with_counts(client, data):
    response = finder(client, data["tree"].directory)
    assert titles(response) == ["École des devoirs", "Logement Plus", "Refuge Aurore"]
    assert counts(response, "need") == {
        "decrochage-scolaire": 1,
        "violence-familiale": 1,
        "logement": 1,
    }
    assert counts(response, "commune") == {"ixelles": 2, "saint-gilles": 1, "schaerbeek": 1}
    assert counts(response, "language") == {"fr": 2, "nl": 2, "ar": 1}
    assert counts(response, "audience") == {"jeunes": 1, "parents": 2}
    flags = counts(response, "flags")
    assert {k: flags[k] for k in ("free", "walkin", "anonymous", "stepfree")} == {
        "free": 2,
        "walkin": 1,
        "anonymous": 1,
        "stepfree": 1,
    }
    html = response.content.decode()
    assert "Brouillon" not in html
    assert "2 associations" not in html and "3 associations" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?need=decrochage-scolaire", ["École des devoirs"]),
        ("?audience=parents", ["Logement Plus", "Refuge Aurore"]),
        ("?language=nl", ["Logement Plus", "Refuge Aurore"]),
        ("?commune=ixelles", ["École des devoirs", "Logement Plus"]),
        ("?commune=schaerbeek", ["Logement Plus"]),
        ("?free=1", ["École des devoirs", "Refuge Aurore"]),
        ("?walkin=1", ["École des devoirs"]),
        ("?anonymous=1", ["Refuge Aurore"]),
        ("?stepfree=1", ["École des devoirs"]),
        ("?q=devoirs", ["École des devoirs"]),
    ],
)
def test_each_facet_alone(client, data, query, expected):
    assert titles(finder(client, data["tree"].directory, query)) == expected


def test_facets_combine_and_counts_follow_the_other_facets(client, data):
    d = data["tree"].directory
    # OR within a facet, AND across facets.
    response = finder(client, d, "?need=decrochage-scolaire&need=logement")
    assert titles(response) == ["École des devoirs", "Logement Plus"]
    # Counts of the need facet ignore the need selection (what ticking one more gives)…
    assert counts(response, "need")["violence-familiale"] == 1
    # …and the other facets count within the selection.
    assert counts(response, "flags")["free"] == 1
    assert counts(response, "commune") == {"ixelles": 2, "schaerbeek": 1}

    response = finder(client, d, "?need=decrochage-scolaire&need=logement&free=1&commune=ixelles")
    assert titles(response) == ["École des devoirs"]
    assert counts(response, "commune") == {"ixelles": 1}
    # The shelter is free but not in Ixelles: ticking its need would give nothing.
    assert counts(response, "need") == {"decrochage-scolaire": 1, "logement": 0}  # ticked
    assert counts(response, "flags")["free"] == 1

    response = finder(client, d, "?language=nl&audience=parents&anonymous=1")
    assert titles(response) == ["Refuge Aurore"]


def _at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=BRUSSELS), tick=False)


@pytest.mark.parametrize(
    ("moment", "open_titles"),
    [
        ((2026, 3, 2, 8, 59), []),  # Monday, before opening
        ((2026, 3, 2, 9, 0), ["École des devoirs"]),  # opening time is inclusive
        ((2026, 3, 2, 16, 59), ["École des devoirs"]),
        ((2026, 3, 2, 17, 0), []),  # closing time is exclusive
        ((2026, 3, 2, 22, 0), ["Refuge Aurore"]),  # night shift starts
        ((2026, 3, 3, 5, 59), ["Refuge Aurore"]),  # still yesterday's range
        ((2026, 3, 3, 6, 0), []),
        ((2026, 3, 7, 11, 0), ["Logement Plus"]),  # Saturday
        ((2026, 5, 8, 10, 0), []),  # Fête de l'Iris (Friday): the school is closed
        ((2026, 5, 7, 10, 0), ["École des devoirs"]),
    ],
)
def test_open_now_at_boundaries_and_on_holidays(client, data, moment, open_titles):
    with _at(*moment):
        response = finder(client, data["tree"].directory, "?open=1")
    assert titles(response) == open_titles
    assert counts(response, "flags")["open"] == len(open_titles)


def test_open_now_in_dst_night(client, data):
    # Last Sunday of March: 22:00 Saturday → 06:00 Sunday is one hour shorter, still open.
    with _at(2026, 3, 29, 4, 0):
        assert titles(finder(client, data["tree"].directory, "?open=1")) == ["Refuge Aurore"]


def test_the_open_now_badge_of_a_card_follows_the_clock_without_any_save(client, data):
    """Cards are cached (core/templatetags/fragments.py) with "open now" in their key."""

    with translation.override("fr"):
        open_now = translation.gettext("Open now")

    def badge_on_school_card(html: str) -> bool:
        cards = html.split('<li class="directory-card">')[1:]
        school = next(card for card in cards if "École des devoirs" in card)
        return open_now in school

    directory = data["tree"].directory
    with _at(2026, 3, 2, 16, 59, 30):  # Monday: the school is open until 17:00
        first = finder(client, directory, "").content.decode()
        assert finder(client, directory, "").content.decode() == first  # from the cache
    with _at(2026, 3, 2, 17, 0):  # 30 s later it is closed; nothing saved in between
        later = finder(client, directory, "").content.decode()
    assert badge_on_school_card(first) and not badge_on_school_card(later)


def test_results_are_sorted_by_relevance_then_name(client, directory_tree, is_postgres):
    d = directory_tree.directory
    add_association(d, "Zèbre jeunesse", intro="Jeunesse, jeunesse et encore jeunesse.")
    add_association(d, "Balade", intro="Un peu de jeunesse.")
    add_association(d, "Arbre", intro="Un peu de jeunesse.")
    add_association(d, "Cirque", intro="Rien à voir.")
    names = titles(finder(client, d, "?q=jeunesse"))
    assert "Cirque" not in names
    # Equally relevant results are in alphabetical order.
    assert names.index("Arbre") == names.index("Balade") - 1
    if is_postgres:
        # PostgreSQL ranks by frequency and weight (SQLite's bm25 favours short texts).
        assert names[0] == "Zèbre jeunesse"


def test_sensitive_need_filter_turns_quick_exit_on(client, data):
    d = data["tree"].directory
    assert "data-quick-exit" not in finder(client, d, "?need=logement").content.decode()
    assert "data-quick-exit" in finder(client, d, "?need=violence-familiale").content.decode()
    assert "data-quick-exit" in finder(client, d, "?q=violence+maison").content.decode()
    shelter = client.get(data["shelter"].url).content.decode()
    assert "data-quick-exit" in shelter
    assert "data-quick-exit" not in client.get(data["housing"].url).content.decode()


def test_empty_state_suggests_what_to_relax_and_shows_emergency_numbers(client, data):
    settings = SiteSettings.for_site(data["tree"].directory.get_site())
    settings.emergency_numbers = [{"type": "number", "value": {"service": "112", "number": "112"}}]
    settings.save()
    response = finder(client, data["tree"].directory, "?need=logement&free=1")
    assert titles(response) == []
    html = response.content.decode()
    assert 'href="tel:112"' in html
    suggestions = {s.label: s.count for s in response.context["suggestions"]()}
    assert suggestions == {"Aussi payant": 1, "Tout besoin": 2}


@pytest.mark.parametrize(
    "query",
    [
        "?page=x",
        "?page=-3",
        "?page=99999999999999999999",
        "?need=nope&need=",
        "?commune=%00",
        "?q=%00%01%02",
        "?q=" + "a" * 5000,
        '?q="unbalanced',
        "?q=*)(OR+NEAR+AND+-",
        "?q=%E9t%E9",
        "?open=maybe&free[]=1",
        "?need=" + "&need=".join(["x"] * 500),
        "?q=école&page=2",
    ],
)
def test_bad_query_strings_never_fail(client, data, query):
    response = client.get(data["tree"].directory.url + query)
    assert response.status_code in (200, 400)
    if "page=x" in query:
        assert response.context["page_obj"]().number == 1


def test_unknown_slugs_are_ignored(client, data):
    response = finder(client, data["tree"].directory, "?need=unknown&commune=atlantis")
    assert len(titles(response)) == 3


def test_each_language_lists_its_own_associations(client, data):
    t = data["tree"]
    add_association(t.directories["nl"], "Huiswerkklas", needs=[t.needs["logement"]["nl"]])
    assert titles(finder(client, t.directories["nl"])) == ["Huiswerkklas"]
    response = finder(client, t.directories["nl"], "?need=logement")
    assert titles(response) == ["Huiswerkklas"]
    facet = next(f for f in response.context["facets"]() if f.name == "need")
    assert [o.label for o in facet.options if o.selected] == ["Huisvesting"]


def test_map_is_a_link_only(client, directory_tree):
    page = add_association(
        directory_tree.directory,
        "Carte",
        locations=[{"commune": "ixelles", "latitude": "50.83", "longitude": "4.37"}],
    )
    html = client.get(page.url).content.decode()
    assert "https://www.openstreetmap.org/?mlat=50.830000" in html
    assert "<iframe" not in html and '<script src="http' not in html


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="directory-card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_cached_regions_give_each_filter_its_own_results_without_a_query(
    client, data, settings, django_assert_max_num_queries
):
    # The finder hands its template lazy values (directory.finder.FinderResult) and the
    # main region is cached per URL and query string: a second visit runs no query and
    # each filter keeps its own results, counts and quick exit.
    settings.CONTENT_CACHE_ENABLED = True
    d = data["tree"].directory
    expected = {
        "": ["École des devoirs", "Logement Plus", "Refuge Aurore"],
        "?need=decrochage-scolaire": ["École des devoirs"],
        "?need=logement": ["Logement Plus"],
        "?free=1": ["École des devoirs", "Refuge Aurore"],
        "?free=1&commune=ixelles": ["École des devoirs"],
        "?need=violence-familiale": ["Refuge Aurore"],
    }
    pages = {}
    for query in expected:
        first = finder(client, d, query).content.decode()
        with django_assert_max_num_queries(1):
            pages[query] = finder(client, d, query).content.decode()
        assert pages[query] == first
    for query, titles_ in expected.items():
        assert card_titles(pages[query]) == titles_, query
        count = len(titles_)
        assert f"{count} association{'s' if count > 1 else ''} trouvée" in pages[query]
        assert ("data-quick-exit" in pages[query]) == (query == "?need=violence-familiale")
    assert 'value="logement" checked' in pages["?need=logement"]
    assert " checked" not in pages[""]


def test_cached_association_pages_keep_their_quick_exit_without_a_query(
    client, data, settings, django_assert_max_num_queries
):
    # The chrome reads the quick exit outside the cached regions, from the association's
    # own small cached fact; the needs, languages and locations are read lazily.
    settings.CONTENT_CACHE_ENABLED = True
    for name, sensitive in (("shelter", True), ("housing", False)):
        url = data[name].url
        first = client.get(url).content.decode()
        with django_assert_max_num_queries(1):
            second = client.get(url).content.decode()
        assert second == first and f">{data[name].title}" in second
        assert ("data-quick-exit" in second) == sensitive
    shelter = client.get(data["shelter"].url).content.decode()
    assert "Violence" in shelter and "Saint-Gilles" in shelter
    need = data["tree"].needs["violence-familiale"]["fr"]
    need.sensitive = False
    need.save()  # a new content version: the quick exit follows at once
    assert "data-quick-exit" not in client.get(data["shelter"].url).content.decode()
