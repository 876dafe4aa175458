"""What every benchmark script shares: a throw-away database and the timing helpers.

A script does::

    from harness import bench_database, count_queries, describe_run, timed

    with bench_database("directory") as connection:
        ...build data, time requests, print figures...

The database is a temporary SQLite file, or ``<DATABASE_URL's name>_<label>`` on the
PostgreSQL server of ``DATABASE_URL``; it is created with the project's migrations and
dropped on exit, so a benchmark never touches the development or test databases and can run
beside the test suite. With ``BENCH_SQLITE_TEMPLATE`` (an already migrated SQLite file, as
``make bench-short`` makes) a SQLite database starts as a copy of it instead.
"""

import contextlib
import os
import platform
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@contextlib.contextmanager
def bench_database(label: str) -> Iterator:
    """Set Django up and yield its connection to a fresh, migrated database."""
    with tempfile.TemporaryDirectory() as tmpdir:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maison.settings.test")
        os.environ.setdefault("LOG_LEVEL", "WARNING")
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
        import django

        # Benchmarks run without collectstatic; whitenoise's warning about it is noise.
        warnings.filterwarnings("ignore", "No directory at")
        django.setup()
        from django.conf import settings
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()
        template = os.environ.get("BENCH_SQLITE_TEMPLATE")
        if connection.vendor == "sqlite" and template:
            # `make bench-short` migrates one SQLite file and each script starts from a
            # copy of it (migrations take longer than most short runs).
            path = f"{tmpdir}/{label}.sqlite3"
            shutil.copyfile(template, path)
            connection.close()
            settings.DATABASES[connection.alias]["NAME"] = path
            connection.settings_dict["NAME"] = path
            yield connection
            connection.close()
            return
        if connection.vendor == "sqlite":
            connection.settings_dict["TEST"]["NAME"] = f"{tmpdir}/{label}.sqlite3"
        else:
            connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_{label}"
        db_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            yield connection
        finally:
            connection.creation.destroy_test_db(db_name, verbosity=0)


def timed(function: Callable, repeat: int = 1) -> tuple[object, list[float]]:
    """The last result of ``function`` and each run's duration in seconds."""
    durations = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - start)
    return result, durations


def count_queries(function: Callable) -> tuple[object, int]:
    """The result of ``function`` and the number of SQL queries it ran."""
    from django.db import connection

    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        result = function()
    return result, len(queries)


def describe_run() -> str:
    """Date, machine and database: the line every figure in docs/BENCHMARKS.md carries."""
    from django.db import connection

    return (
        f"{date.today()}, {platform.node()} ({os.cpu_count()} CPUs), "
        f"Python {platform.python_version()}, {connection.vendor}"
    )
