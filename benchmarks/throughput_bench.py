"""Throughput and memory of the production stack, on loopback, with wrk.

    uv run python benchmarks/throughput_bench.py [--short] [--duration S] [--connections N]

Builds the production recipe of docs/DEPLOYMENT.md with the demo content
(`maison.settings.production`, migrate, load_demo, collectstatic; PostgreSQL database
``bench`` and Redis DB 7 when they answer, else a SQLite file and process memory) and
measures, with ``wrk -t2 -c16 -d10s --latency`` (``--short``: 1 s), four pages — the home,
a service page, the activity finder, the directory finder — each

  (a) through gunicorn alone (2 workers, site/gunicorn.conf.py), Django's page cache off
      (``PAGE_CACHE_SECONDS=0``): every request renders;
  (b) through gunicorn alone with Django's page cache (Redis) warm;
  (c) through nginx in front of (b) with the shipped docs/nginx/prevention-app.conf, its
      micro-cache warm;
  (d) a static copy of the same HTML served by the same nginx (the ceiling);

beside (e) Wagtail's starter home page (``wagtail start``, benchmarks/starter.py) under
gunicorn with the same worker settings. Then the resident memory (VmRSS) of each gunicorn
worker of (a) after 1,000, 2,000 and 3,000 mixed requests (``--short``: 100 and 200).
Workers are not recycled during the run (``GUNICORN_MAX_REQUESTS=0``), so growth would show.

Prints the figures, the ratios against the targets of issue #8 (c ≥ 50 % of d; b ≥ 10 × e;
a worker < 200 MB that does not grow) and a markdown table for docs/BENCHMARKS.md.
Everything it starts (gunicorn, nginx) and creates (databases, files) is removed on exit,
also on Ctrl-C or failure. Ports: THROUGHPUT_PORT (default 8710) and the next four.
Environment: THROUGHPUT_PG (default postgres://postgres@127.0.0.1:5432), THROUGHPUT_DB
(default "bench"; the starter gets "<name>_starter"), THROUGHPUT_REDIS_URL (default
redis://127.0.0.1:6379/7, flushed at start and end).
"""

import argparse
import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from starter import create_starter, starter_env  # noqa: E402

PG_URL = os.environ.get("THROUGHPUT_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DB_NAME = os.environ.get("THROUGHPUT_DB", "bench")
REDIS_URL = os.environ.get("THROUGHPUT_REDIS_URL", "redis://127.0.0.1:6379/7")
BASE_PORT = int(os.environ.get("THROUGHPUT_PORT", "8710"))
COLD_PORT, WARM_PORT, NGINX_PORT, STARTER_PORT = (BASE_PORT + i for i in range(4))
NGINX_DIR = ROOT / "docs" / "nginx"
# The starter under the same worker settings as site/gunicorn.conf.py (2 workers × 4 threads).
STARTER_GUNICORN = [sys.executable, "-m", "gunicorn", "starter.wsgi:application"]
STARTER_GUNICORN += ["-w", "2", "-k", "gthread", "--threads", "4", "--log-level", "warning"]
START = time.monotonic()

# The four pages of the issue: (label, page model, extra path below the page's URL).
PAGES = [
    ("home", "core.homepage", ""),
    ("service page", "services.servicepage", ""),
    ("activity finder", "activities.activityindexpage", ""),
    ("directory finder", "directory.directorypage", ""),
]

LIST_PAGES = """
import json
from wagtail.models import Page
seen = {}
pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
for page in pages.select_related("content_type", "locale"):
    model = page.content_type.app_label + "." + page.content_type.model
    seen.setdefault((model, page.locale.language_code), page.specific.url)
print(json.dumps([[model, lang, url] for (model, lang), url in sorted(seen.items())]))
"""

NGINX_CONF = """
daemon off;
worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    sendfile on;
    include {shipped}/prevention-http.conf;
    access_log {tmp}/nginx-access.log prevention buffer=64k;
    upstream prevention_app {{ server 127.0.0.1:{upstream}; keepalive 16; }}
    proxy_cache_path {tmp}/nginx-cache levels=1:2 keys_zone=prevention:10m max_size=200m
                     inactive=10m use_temp_path=off;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        # The ceiling: the same HTML as files (no proxy, no cache lookup).
        location /static-copy/ {{
            alias {tmp}/static-copy/;
            default_type text/html;
        }}
        include {shipped}/prevention-app.conf;
    }}
}}
"""


def say(message: str) -> None:
    print(f"[throughput {time.monotonic() - START:6.1f} s] {message}", flush=True)


# --- resources, all released by Stack.close() ------------------------------------------


class Stack:
    """Processes and databases started by this run; ``close`` stops and drops them all."""

    def __init__(self) -> None:
        self.processes: list[tuple[str, subprocess.Popen, int]] = []
        self.databases: list[str] = []
        self.tmp = Path(tempfile.mkdtemp(prefix="throughput-"))
        self.tmp.chmod(0o755)  # nginx's workers run as an unprivileged user under root
        self.redis = None

    # gunicorn: SIGINT is its quick shutdown (SIGTERM waits for keep-alive connections).
    def start(self, name: str, args: list, stop_signal=signal.SIGINT, **kwargs):
        log = (self.tmp / f"{name}.log").open("w")
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, **kwargs)  # noqa: S603
        self.processes.append((name, process, stop_signal))
        return process

    def stop(self, process: subprocess.Popen) -> None:
        for entry in list(self.processes):
            if entry[1] is process:
                self.processes.remove(entry)
                _stop(*entry)

    def log(self, name: str) -> str:
        path = self.tmp / f"{name}.log"
        return path.read_text()[-3000:] if path.exists() else ""

    def close(self) -> None:
        while self.processes:
            _stop(*self.processes.pop())
        for name in self.databases:
            with contextlib.suppress(Exception), _pg_admin() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if self.redis is not None:
            with contextlib.suppress(Exception):
                self.redis.flushdb()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _stop(name: str, process: subprocess.Popen, stop_signal: int) -> None:
    if process.poll() is None:
        process.send_signal(stop_signal)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _pg_admin():
    import psycopg

    return psycopg.connect(f"{PG_URL}/postgres", autocommit=True, connect_timeout=3)


def postgres_available() -> bool:
    try:
        with _pg_admin():
            return True
    except Exception:  # any failure means "use SQLite"
        return False


def create_database(stack: Stack, name: str) -> str:
    stack.databases.append(name)
    with _pg_admin() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
        connection.execute(f'ALTER DATABASE "{name}" SET synchronous_commit TO off')
    return f"{PG_URL}/{name}"


# --- HTTP ------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(port: int, path: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    try:
        with _OPENER.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_for(port: int, process: subprocess.Popen, what: str, stack: Stack, path="/") -> None:
    for _ in range(240):
        if process.poll() is not None:
            raise SystemExit(f"{what} exited with {process.returncode}:\n{stack.log(what)}")
        try:
            get(port, path)
            return
        except OSError:
            time.sleep(0.25)
    raise SystemExit(f"{what} did not answer on port {port} within 60 s")


def gunicorn_workers(master: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    if children.exists():
        return sorted(int(pid) for pid in children.read_text().split())
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master.pid:
                pids.append(int(stat.parent.name))
    return sorted(pids)


def memory_mb(pid: int) -> tuple[float, float]:
    """Resident (VmRSS) and private (USS: not shared with the master or the other worker)
    memory of a process, in MB."""
    rss = uss = float("nan")
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    with contextlib.suppress(OSError):
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        private = re.findall(r"^Private_(?:Clean|Dirty):\s+(\d+) kB", rollup, re.MULTILINE)
        uss = sum(int(kb) for kb in private) / 1024
    return rss, uss


# --- wrk -------------------------------------------------------------------------------


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(args: argparse.Namespace, port: int, path: str) -> dict:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    result = subprocess.run(  # noqa: S603
        [*command, "--timeout", "10s", "--latency", f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=False,
    )
    out = result.stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if result.returncode or not rps or set(latency) != {"50", "99"}:
        raise RuntimeError(f"wrk {path} on port {port}:\n{out}\n{result.stderr}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(rps.group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "bad": int(bad.group(1)) if bad else 0,
        "errors": errors.group(1) if errors else "",
    }


def cell(figures: dict | None) -> str:
    if not figures:
        return "–"
    text = f"{figures['rps']:,.0f} req/s ({figures['p50']:.1f} / {figures['p99']:.1f} ms)"
    if figures["bad"] or figures["errors"]:
        text += f" ⚠ {figures['bad']} non-2xx {figures['errors']}".rstrip()
    return text


# --- the run ---------------------------------------------------------------------------


def production_env(database_url: str, redis_url: str | None, media: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="maison.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media),
        # Its own collected files: CI runs the smoke test (var/static) at the same time.
        STATIC_ROOT=str(media.parent / "static"),
        EMAIL_URL="dummy://",
        LOG_LEVEL="WARNING",
        # Plain HTTP on loopback (nginx sends X-Forwarded-Proto: http here).
        SECURE_SSL_REDIRECT="False",
        CONN_MAX_AGE="60",
        GUNICORN_WORKERS="2",
        GUNICORN_MAX_REQUESTS="0",  # no recycling: memory growth must show
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(
            f"manage.py {args[0]} failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
        )
    return result.stdout


def start_gunicorn(stack: Stack, env: dict, name: str, port: int, **extra: str):
    process = stack.start(
        name,
        [sys.executable, "-m", "gunicorn", "-c", "site/gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", **extra},
    )
    wait_for(port, process, name, stack, path="/healthz")
    return process


def mixed_requests(port: int, paths: list[str], count: int, clients: int = 4) -> int:
    """``count`` GETs spread over ``paths`` from ``clients`` threads; returns the non-200s."""
    failures = []
    lock = threading.Lock()
    counter = iter(range(count))

    def client() -> None:
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            status = get(port, paths[index % len(paths)])[0]
            if status != 200:
                failures.append(status)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(failures)


def run(args: argparse.Namespace, stack: Stack) -> int:
    problems: list[str] = []
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is not installed (Debian: apt-get install {tool})")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    use_pg = postgres_available()
    database_url = (
        create_database(stack, DB_NAME) if use_pg else f"sqlite:///{stack.tmp}/bench.sqlite3"
    )
    starter_db = create_database(stack, f"{DB_NAME}_starter") if use_pg else None
    redis_url = None
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    with contextlib.suppress(redis.RedisError):  # no Redis: process memory, said below
        client.flushdb()
        stack.redis, redis_url = client, REDIS_URL
    database = "PostgreSQL" if use_pg else "SQLite"
    say(f"{database}, {'Redis ' + REDIS_URL if redis_url else 'no Redis (LocMem cache)'}")
    env = production_env(database_url, redis_url, stack.tmp / "media")

    # The site, as deployed: migrate, demo content, collectstatic; the starter meanwhile.
    static = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--clear", "-v0"],
        cwd=ROOT,
        env=env,
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    if static.wait():
        raise SystemExit("collectstatic failed")
    pages = json.loads(manage(env, "shell", "-c", LIST_PAGES).strip().splitlines()[-1])
    urls = {}
    for label, model, extra in PAGES:
        found = [url for m, lang, url in pages if m == model and lang == "fr"]
        if not found:
            raise SystemExit(f"the demo has no French {model}")
        urls[label] = found[0] + extra
    if args.short:
        urls = dict(list(urls.items())[:2]) | {"directory finder": urls["directory finder"]}
    say("demo loaded: " + ", ".join(f"{k} {v}" for k, v in urls.items()))
    starter = create_starter(stack.tmp / "starter", starter_db)
    say("starter project created")
    wrk_line = f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency"
    say(f"each measure: {wrk_line}")

    results: dict[str, dict[str, dict]] = {label: {} for label in urls}

    # (a) gunicorn alone, Django's page cache off, and the memory of its workers.
    cold = start_gunicorn(stack, env, "gunicorn-cold", COLD_PORT, PAGE_CACHE_SECONDS="0")
    workers = gunicorn_workers(cold)
    mixed = [url for _m, _l, url in pages] + [f"{urls['home']}?page=2"]
    memory = [(0, [memory_mb(pid) for pid in workers])]
    done = 0
    steps = (100, 200) if args.short else (1000, 2000, 3000)
    for target in [step for step in steps if step <= args.memory]:
        bad = mixed_requests(COLD_PORT, mixed, target - done)
        if bad:
            problems.append(f"{bad} mixed requests did not answer 200")
        done = target
        memory.append((done, [memory_mb(pid) for pid in workers]))
        say(
            f"after {done} mixed requests, RSS (private): "
            + ", ".join(f"{rss:.0f} MB ({uss:.0f} MB)" for rss, uss in memory[-1][1])
        )
    if gunicorn_workers(cold) != workers:
        problems.append("a gunicorn worker was replaced during the memory run")
    for label, path in urls.items():
        status, headers, _body = get(COLD_PORT, path)
        if status != 200:
            problems.append(f"{label} {path}: status {status}")
        results[label]["a"] = wrk(args, COLD_PORT, path)
        say(f"(a) {label}: {cell(results[label]['a'])}")
    stack.stop(cold)

    # (b) gunicorn alone, Django's page cache on (Redis), warm; (c) nginx in front.
    warm = start_gunicorn(stack, env, "gunicorn-warm", WARM_PORT)
    copy_dir = stack.tmp / "static-copy"
    copy_dir.mkdir()
    page_cache_seen = []
    for index, (label, path) in enumerate(urls.items()):
        get(WARM_PORT, path)
        status, headers, body = get(WARM_PORT, path)
        page_cache_seen.append(headers.get("X-Page-Cache", "absent"))
        (copy_dir / f"{index}.html").write_bytes(body)
        results[label]["b"] = wrk(args, WARM_PORT, path)
        say(f"(b) {label}: {cell(results[label]['b'])} (X-Page-Cache: {page_cache_seen[-1]})")
    conf = stack.tmp / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(tmp=stack.tmp, shipped=NGINX_DIR, upstream=WARM_PORT, port=NGINX_PORT)
    )
    front = stack.start(
        "nginx",
        [nginx, "-c", conf, "-p", stack.tmp, "-e", stack.tmp / "nginx-error.log"],
        signal.SIGQUIT,
    )
    wait_for(NGINX_PORT, front, "nginx", stack, path="/healthz")
    for index, (label, path) in enumerate(urls.items()):
        get(NGINX_PORT, path)
        status, headers, _ = get(NGINX_PORT, path)
        if headers.get("X-Cache-Status") != "HIT":
            problems.append(
                f"{label} through nginx: X-Cache-Status {headers.get('X-Cache-Status')}"
            )
        results[label]["c"] = wrk(args, NGINX_PORT, path)
        say(f"(c) {label}: {cell(results[label]['c'])}")
        status, _, _ = get(NGINX_PORT, f"/static-copy/{index}.html")
        if status != 200:
            problems.append(f"static copy of {label}: status {status}")
        results[label]["d"] = wrk(args, NGINX_PORT, f"/static-copy/{index}.html")
        say(f"(d) {label} static copy: {cell(results[label]['d'])}")
    stack.stop(front)
    stack.stop(warm)

    # (e) the starter's home, same gunicorn worker settings.
    starter_process = stack.start(
        "starter",
        [*STARTER_GUNICORN, "-b", f"127.0.0.1:{STARTER_PORT}"],
        cwd=starter,
        env=starter_env(starter, starter_db),
    )
    wait_for(STARTER_PORT, starter_process, "starter", stack)
    if get(STARTER_PORT, "/")[0] != 200:
        problems.append("the starter's home does not answer 200")
    starter_figures = wrk(args, STARTER_PORT, "/")
    say(f"(e) starter home: {cell(starter_figures)}")
    stack.stop(starter_process)

    for label, figures in results.items():
        for key, value in figures.items():
            if value["bad"] or value["errors"]:
                problems.append(f"({key}) {label}: {value['bad']} non-2xx, {value['errors']}")

    report(
        nginx,
        results,
        urls,
        starter_figures,
        memory,
        database,
        bool(redis_url),
        page_cache_seen,
        wrk_line,
    )
    if problems:
        print("\nPROBLEMS:\n" + "\n".join(f"  - {p}" for p in problems), file=sys.stderr)
        return 1
    return 0


def report(
    nginx, results, urls, starter, memory, database, has_redis, page_cache_seen, wrk_line
) -> None:
    machine = f"{platform.node()} ({os.cpu_count()} CPUs), Python {platform.python_version()}"
    nginx_version = subprocess.run(  # noqa: S603
        [nginx, "-v"], capture_output=True, text=True, check=False
    ).stderr.strip()
    print()
    print(
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine}, {database}"
        f"{' + Redis' if has_redis else ''}, {nginx_version.replace('nginx version: ', '')}; "
        f"`{wrk_line}` on loopback (wrk on the same machine); gunicorn 2 workers × 4 threads "
        f"(site/gunicorn.conf.py), workers not recycled. Cells: req/s (p50 / p99 latency)."
    )
    if "absent" in page_cache_seen:
        print(
            "Note: no X-Page-Cache header: Django's page cache is not in this build, so (b) = (a)."
        )
    print()
    print(
        "| page | (a) gunicorn, no page cache | (b) gunicorn, page cache warm "
        "| (c) nginx micro-cache | (d) static copy, nginx | c / d (≥ 50 %) | b / e (≥ 10×) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, figures in results.items():
        ratio_cd = figures["c"]["rps"] / figures["d"]["rps"]
        ratio_be = figures["b"]["rps"] / starter["rps"]
        print(
            f"| {label} (`{urls[label]}`) | {cell(figures['a'])} | {cell(figures['b'])} "
            f"| {cell(figures['c'])} | {cell(figures['d'])} "
            f"| {ratio_cd:.0%} {'✓' if ratio_cd >= 0.5 else '✗'} "
            f"| {ratio_be:.1f}× {'✓' if ratio_be >= 10 else '✗'} |"
        )
    print(f"| (e) starter home (`wagtail start`), gunicorn | {cell(starter)} | | | | | |")
    print()
    workers = len(memory[0][1])
    print(
        "| gunicorn worker memory, RSS (private) | "
        + " | ".join(f"worker {i + 1}" for i in range(workers))
        + " |"
    )
    print("| --- |" + " --- |" * workers)
    for done, sizes in memory:
        print(
            f"| after {done:,} mixed requests | "
            + " | ".join(f"{rss:.0f} MB ({uss:.0f} MB)" for rss, uss in sizes)
            + " |"
        )
    if len(memory) < 3:
        return
    first, last = memory[1][1], memory[-1][1]
    growth = max(b[0] - a[0] for a, b in zip(first, last, strict=True))
    biggest = max(rss for _done, sizes in memory for rss, _uss in sizes)
    print()
    print(
        f"Worker memory: largest RSS {biggest:.0f} MB (target < 200 MB "
        f"{'✓' if biggest < 200 else '✗'}); RSS growth from {memory[1][0]:,} to "
        f"{memory[-1][0]:,} requests {growth:+.1f} MB. Mixed requests: one page of every page "
        f"type in fr/nl/en, from 4 client threads, spread over the {workers} workers. RSS "
        "counts the pages shared with the master (preload_app); private = USS."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="1 s per measure: checks it works")
    parser.add_argument("--duration", type=int, help="seconds per wrk run (default 10, short 1)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--memory", type=int, default=3000, help="mixed requests for the memory figures (0: none)"
    )
    args = parser.parse_args()
    args.duration = args.duration or (1 if args.short else 10)
    # A CI timeout or kill sends SIGTERM: still stop everything (finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    stack = Stack()
    try:
        return run(args, stack)
    finally:
        stack.close()
        say("stopped gunicorn/nginx, dropped the databases")


if __name__ == "__main__":
    sys.exit(main())
