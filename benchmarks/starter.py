"""Wagtail's starter project (`wagtail start`): the yardstick the issue measures us against.

The throughput and page-render benchmarks compare our pages with the starter's home page,
rendered by the same Wagtail, Django and Python. This module builds that project in a
folder of the caller's choosing and measures it in a subprocess (its settings cannot share
a process with ours)::

    from starter import create_starter, starter_render_times, starter_env

    project = create_starter(Path(tmpdir) / "starter")        # wagtail start + migrate
    times_ms, queries = starter_render_times(project, repeat=50)
    subprocess.Popen([..gunicorn.., "starter.wsgi"], cwd=project, env=starter_env(project))

The starter runs with its own production settings (DEBUG off) plus a ``bench`` module
that sets a secret key, allows every host and, when ``database_url`` is given, uses that
database instead of the starter's SQLite file (so both sites can be measured on PostgreSQL).
Nothing of the starter is committed: it is generated at each run from the installed Wagtail.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

VENV_BIN = Path(sys.executable).parent

BENCH_SETTINGS = '''"""Benchmark settings written by benchmarks/starter.py."""
import os

import dj_database_url

from .production import *  # noqa: F403

SECRET_KEY = "starter-benchmark-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
if os.environ.get("STARTER_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["STARTER_DATABASE_URL"])}
# Plain static storage: no collectstatic needed (the manifest lookup costs next to nothing).
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
'''

# Renders "/" `repeat` times through Django's test client inside the starter's process and
# prints the durations and the query count of one render as JSON.
RENDER_SCRIPT = """
import json, sys, time
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
assert client.get("/").status_code == 200  # warm-up: URL resolver, templates, site cache
times = []
for _ in range(int(sys.argv[1])):
    start = time.perf_counter()
    response = client.get("/")
    times.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, response.status_code
with CaptureQueriesContext(connection) as captured:
    client.get("/")
print(json.dumps({"times_ms": times, "queries": len(captured)}))
"""


def starter_env(project: Path, database_url: str | None = None) -> dict[str, str]:
    """Environment for any command run in the starter project (cwd=project)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH"}
    }
    env.update(DJANGO_SETTINGS_MODULE="starter.settings.bench", PYTHONPATH=str(project))
    if database_url:
        env["STARTER_DATABASE_URL"] = database_url
    return env


def create_starter(project: Path, database_url: str | None = None) -> Path:
    """`wagtail start starter <project>`, the bench settings, migrate. Returns ``project``."""
    project.mkdir(parents=True, exist_ok=True)
    if not (project / "manage.py").exists():
        subprocess.run(  # noqa: S603
            [str(VENV_BIN / "wagtail"), "start", "starter", str(project)],
            check=True,
            capture_output=True,
        )
    (project / "starter" / "settings" / "bench.py").write_text(BENCH_SETTINGS)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=project,
        env=starter_env(project, database_url),
        check=True,
    )
    return project


def starter_render_times(
    project: Path, repeat: int = 50, database_url: str | None = None
) -> tuple[list[float], int]:
    """Durations (ms) of ``repeat`` in-process renders of the starter's home page, and the
    number of SQL queries one render runs."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", RENDER_SCRIPT, str(repeat)],
        cwd=project,
        env=starter_env(project, database_url),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"starter render failed:\n{result.stderr[-2000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return figures["times_ms"], figures["queries"]


if __name__ == "__main__":  # quick look: python benchmarks/starter.py
    import statistics
    import tempfile

    with tempfile.TemporaryDirectory() as tmpdir:
        starter = create_starter(Path(tmpdir) / "starter")
        durations, queries = starter_render_times(starter, repeat=30)
        print(
            f"starter home: median {statistics.median(durations):.1f} ms, "
            f"max {max(durations):.1f} ms, {queries} queries"
        )
