"""Logs hold no personal data and no search terms: the search and finder requests log
nothing with the term, production records are single key=value lines, and gunicorn's
access log leaves out client addresses and query strings."""

import logging
import runpy
from pathlib import Path

import pytest

from directory.testing import build_directory_tree
from maison.core.logging import KeyValueFormatter

ROOT = Path(__file__).resolve().parents[2]
TERM = "zorglubviolence"  # a term nobody else would log

pytestmark = pytest.mark.django_db


def test_search_and_finder_requests_log_nothing_with_the_term(client, site_tree, caplog):
    tree = build_directory_tree(site_tree)
    caplog.set_level(logging.DEBUG)
    urls = [
        f"/fr/search/?q={TERM}",
        f"/en/search/?q={TERM}&page=2",
        f"{tree.directories['fr'].url}?q={TERM}",
        f"/fr/no-such-page/?q={TERM}",  # a 404 is logged, with the path alone
        f"/fr/search/?q={TERM}&page=x<",
    ]
    for url in urls:
        assert client.get(url).status_code in {200, 404}, url
    assert caplog.records, "the 404 should have been logged"
    for record in caplog.records:
        formatted = KeyValueFormatter().format(record)
        assert TERM not in formatted, formatted
        assert TERM not in str(record.args), record.name


def test_production_log_records_are_single_key_value_lines():
    formatter = KeyValueFormatter()
    try:
        raise ValueError("first line\nsecond line")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/fr/",),
            sys.exc_info(),
        )
    record.status_code = 500
    line = formatter.format(record)
    assert "\n" not in line
    assert line.split(" ")[1:4] == ["level=ERROR", "logger=django.request", 'msg="Internal']
    assert "status_code=500" in line
    assert 'exc="Traceback' in line and "second line" in line


def test_gunicorn_access_log_has_no_address_and_no_query_string():
    config = runpy.run_path(str(ROOT / "site" / "gunicorn.conf.py"))
    log_format = config["access_log_format"]
    assert "%(U)s" in log_format  # the path alone
    for forbidden in ("%(h)s", "%(r)s", "%(q)s", "%(a)s", "%(f)s", "%({x-forwarded-for}i)s"):
        assert forbidden not in log_format
    assert config["wsgi_app"] == "maison.wsgi:application"


def test_production_logging_never_logs_sql(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org")
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    production = runpy.run_module("maison.settings.production")
    logging_config = production["LOGGING"]
    assert logging_config["handlers"]["console"]["formatter"] == "keyvalue"
    assert logging_config["loggers"]["django.db.backends"]["level"] == "WARNING"
    assert logging_config["loggers"]["django.server"]["handlers"] == []
