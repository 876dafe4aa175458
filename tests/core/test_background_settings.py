"""Production settings: tasks wait for the database worker unless told otherwise, and
`check --deploy` stays clean with media on object storage."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from maison.settings.env import tasks_config

from .test_settings import run_manage

PRODUCTION = {"SECRET_KEY": "k" * 20 + "Z9#" + "q" * 40, "ALLOWED_HOSTS": "prevention.example.org"}
SHOW = (
    "from django.conf import settings; import json; "
    "print(json.dumps([settings.TASKS['default']['BACKEND'], settings.STORAGES['default'], "
    "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
)


def production_settings(**env):
    result = run_manage("shell", "-c", SHOW, env={**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_queues_tasks_in_the_database_by_default():
    backend, storage, img_src = production_settings(TASKS_BACKEND="", MEDIA_S3_BUCKET="")
    assert backend == "django_tasks_db.DatabaseBackend"
    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert img_src == ["'self'", "data:"]


def test_production_with_immediate_tasks_and_a_bucket():
    backend, storage, img_src = production_settings(
        TASKS_BACKEND="immediate",
        MEDIA_S3_BUCKET="prevention-media",
        MEDIA_S3_CUSTOM_DOMAIN="media.example.org",
    )
    assert backend == "django_tasks.backends.immediate.ImmediateBackend"
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "prevention-media"
    assert "https://media.example.org" in img_src


def test_deploy_check_is_clean_with_object_storage_and_the_database_worker():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "MEDIA_S3_BUCKET": "prevention-media", "TASKS_BACKEND": "database"},
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_unknown_tasks_backend_is_refused():
    assert tasks_config("Database")["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND"):
        tasks_config("celery")
