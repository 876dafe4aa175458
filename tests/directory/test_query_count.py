"""The finder's query count does not grow with the number of associations."""

from directory.testing import add_association

FULL_QUERY = (
    "?q=association&need=decrochage-scolaire&need=logement&audience=parents&language=fr"
    "&commune=ixelles&open=1&free=1&walkin=1&anonymous=1&stepfree=1"
)


QUERIES = ("", FULL_QUERY, "?need=logement&anonymous=1&page=2", "?q=zzzz&free=1")
# The whole page, routing and chrome included: the budget per page.
MAX_QUERIES = 12


def populate(tree, start, count):
    needs = [tree.needs["decrochage-scolaire"]["fr"], tree.needs["logement"]["fr"]]
    for i in range(start, start + count):
        add_association(
            tree.directory,
            f"Association {i:03d}",
            slug=f"association-{i}",
            publish_revision=False,
            needs=[needs[i % 2]],
            audiences=[tree.audiences["parents"]["fr"]],
            languages=[tree.languages["fr"]["fr"]],
            access_walk_in=bool(i % 3),
            anonymous=bool(i % 2),
            locations=[
                {"commune": "ixelles", "step_free_access": "yes", "hours": [(0, "09:00", "17:00")]}
            ],
        )


def measure(client, url, django_assert_max_num_queries) -> dict[str, int]:
    client.get(url)  # warm the per-process caches (site root paths, settings)
    used = {}
    for query in QUERIES:
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(url + query)
        assert response.status_code == 200
        used[query] = len(captured)
    return used


def test_finder_query_count_does_not_grow_from_25_to_250(
    client, directory_tree, django_assert_max_num_queries
):
    url = directory_tree.directory.url
    populate(directory_tree, 0, 25)
    with_25 = measure(client, url, django_assert_max_num_queries)
    assert client.get(url).context["total"]() == 25
    populate(directory_tree, 25, 225)
    with_250 = measure(client, url, django_assert_max_num_queries)
    assert client.get(url).context["total"]() == 250
    assert with_250 == with_25


def test_cached_regions_serve_the_finder_without_a_query_and_a_new_association_at_once(
    client, directory_tree, settings, django_assert_max_num_queries
):
    # The finder hands its template lazy values (directory.finder.FinderResult): a main
    # region served from the cache runs none of its queries. Free-text searches are never
    # stored (their terms are never kept) and still answer.
    settings.CONTENT_CACHE_ENABLED = True
    populate(directory_tree, 0, 5)
    url = directory_tree.directory.url
    for query in ("", "?need=logement&anonymous=1", "?need=logement&page=2"):
        first = client.get(url + query).content.decode()
        with django_assert_max_num_queries(1):
            assert client.get(url + query).content.decode() == first
    assert "Association 001" in client.get(url + "?need=logement").content.decode()
    assert "Association 000" not in client.get(url + "?need=logement").content.decode()
    add_association(directory_tree.directory, "Association nouvelle", slug="nouvelle")
    assert "Association nouvelle" in client.get(url).content.decode()
    searched = client.get(url + "?q=nouvelle").content.decode()
    assert "Association nouvelle" in searched and "Association 001" not in searched
