"""Finder benchmark: render time and query count with 2,000 associations.

    uv run python benchmarks/directory_bench.py [--short] [--count N]

Builds a throw-away database (see harness.py: a temporary SQLite file, or a database of
its own on DATABASE_URL's PostgreSQL server), publishes N associations with locations and
hours, then requests the finder with typical query strings. Prints the median render
time and the number of queries for each. Figures go in docs/BENCHMARKS.md, section "Directory".
"""

import argparse
import statistics

from harness import bench_database, count_queries, describe_run, timed

QUERIES = [
    ("no filter", ""),
    ("text search", "?q=jeunesse"),
    ("one need", "?need=decrochage-scolaire"),
    (
        "all facets",
        "?need=decrochage-scolaire&need=logement&language=fr&commune=ixelles"
        "&open=1&free=1&walkin=1&stepfree=1",
    ),
    ("search + facets, page 3", "?q=association&free=1&commune=ixelles&page=3"),
    ("nothing found", "?q=zzzz&anonymous=1&need=logement"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--short", action="store_true", help="200 associations, 3 runs")
    parser.add_argument("--count", type=int, default=None)
    args = parser.parse_args()
    count = args.count or (200 if args.short else 2000)
    runs = 3 if args.short else 7

    with bench_database("directory"):
        from django.test import Client

        from directory.testing import add_association, build_directory_tree
        from maison.core.testing import build_site_tree

        tree = build_directory_tree(build_site_tree())
        needs = [tree.needs[slug]["fr"] for slug in tree.needs]
        audiences = [tree.audiences[slug]["fr"] for slug in tree.audiences]
        languages = [tree.languages[code]["fr"] for code in tree.languages]
        communes = ["ixelles", "saint-gilles", "schaerbeek", "uccle", "bruxelles"]

        def build():
            for i in range(count):
                add_association(
                    tree.directory,
                    f"Association {i:04d} jeunesse" if i % 4 == 0 else f"Association {i:04d}",
                    slug=f"association-{i}",
                    publish_revision=False,
                    needs=[needs[i % len(needs)]],
                    audiences=[audiences[i % len(audiences)]],
                    languages=languages[: 1 + i % len(languages)],
                    cost="free" if i % 3 else "paying",
                    access_walk_in=bool(i % 2),
                    anonymous=i % 5 == 0,
                    locations=[
                        {
                            "commune": communes[i % len(communes)],
                            "step_free_access": "yes" if i % 2 else "no",
                            "hours": [(day, "09:00", "17:00") for day in range(5)],
                        }
                    ],
                )

        _none, (build_time,) = timed(build)
        print(f"Directory benchmark, {describe_run()}")
        print(f"Built {count} associations in {build_time:.0f} s")
        client = Client()
        url = tree.directory.url
        client.get(url)
        print(f"{'query':<26} {'median ms':>10} {'queries':>8} {'results':>8}")
        for label, query in QUERIES:
            response, queries = count_queries(lambda query=query: client.get(url + query))
            assert response.status_code == 200, response.status_code
            _last, timings = timed(lambda query=query: client.get(url + query), repeat=runs)
            median = statistics.median(timings) * 1000
            total = response.context["total"]()  # a lazy value (directory.finder.FinderResult)
            print(f"{label:<26} {median:>10.0f} {queries:>8} {total:>8}")


if __name__ == "__main__":
    main()
