"""On PostgreSQL the finder's text search ignores accents and finds plural and singular
forms, in French and in Dutch (one text-search configuration per language)."""

import pytest

from directory.testing import add_association


@pytest.fixture
def postgres_only(is_postgres):
    if not is_postgres:
        pytest.skip(
            "Stemming and unaccent are PostgreSQL text-search features (maison_fr/maison_nl); "
            "SQLite's FTS5 matches words as written. Run with DATABASE_URL=postgres://…"
        )


def titles(client, directory, query):
    response = client.get(directory.url, {"q": query})
    assert response.status_code == 200
    return [a.title for a in response.context["associations"]()]


@pytest.mark.parametrize(
    "query", ["eleve decrochages", "élèves", "ELEVE", "décrochage", "Decrochage scolaire"]
)
def test_french_accents_and_plurals(client, directory_tree, postgres_only, query):
    add_association(directory_tree.directory, "Aide aux élèves en décrochage")
    add_association(directory_tree.directory, "Logement d'urgence")
    assert titles(client, directory_tree.directory, query) == ["Aide aux élèves en décrochage"]


@pytest.mark.parametrize("query", ["vereniging", "Verenigingen", "coordinatie", "coördinatie"])
def test_dutch_accents_and_plurals(client, directory_tree, postgres_only, query):
    nl = directory_tree.directories["nl"]
    add_association(nl, "Verenigingen voor ouders", intro="Coördinatie van de buurt.")
    add_association(nl, "Noodopvang", intro="Een bed voor de nacht.")
    add_association(directory_tree.directory, "Vereniging française", intro="Ailleurs.")
    assert titles(client, nl, query) == ["Verenigingen voor ouders"]
