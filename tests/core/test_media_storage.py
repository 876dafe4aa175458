"""Media on S3-compatible object storage (moto stands in for the bucket; nothing reaches
the network): uploads land in the bucket, renditions get stable public URLs on the custom
domain, originals and documents stay private and documents stream through Wagtail's view."""

import io
import os
import socket
from urllib.parse import urlsplit

import boto3
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from moto import mock_aws
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from maison.core.demo_tools import ensure_root_collection
from maison.images.models import Rendition
from maison.settings.storage import media_s3_config

BUCKET = "prevention-media"
REGION = "eu-west-1"
ENVIRONMENT = {
    "MEDIA_S3_BUCKET": BUCKET,
    "MEDIA_S3_REGION": REGION,
    "MEDIA_S3_CUSTOM_DOMAIN": "media.example.org",
}


@pytest.fixture
def no_network(monkeypatch):
    """Name lookups other than loopback fail: a request to AWS would raise."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise OSError(f"network access in a test: {host}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def bucket(monkeypatch, no_network):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "moto-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "moto-secret")
    for name in ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    config = media_s3_config(ENVIRONMENT)
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        with override_settings(STORAGES={**settings.STORAGES, **config.storages}):
            # Wagtail binds the rendition storage when the model loads: point it at the
            # new "renditions" storage for this test.
            monkeypatch.setattr(
                Rendition._meta.get_field("file"), "storage", storages["renditions"]
            )
            yield s3


def keys(s3) -> list[str]:
    return [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_local_disk_unless_a_bucket_is_named():
    assert media_s3_config({}) is None
    assert media_s3_config({"MEDIA_S3_BUCKET": "  "}) is None
    with pytest.raises(ImproperlyConfigured, match="MEDIA_S3_CUSTOM_DOMAIN"):
        media_s3_config({**ENVIRONMENT, "MEDIA_S3_CUSTOM_DOMAIN": "https://media.example.org"})


def test_uploaded_image_lands_in_the_bucket_and_renditions_are_public(
    bucket, client, django_user_model
):
    ensure_root_collection()
    client.force_login(django_user_model.objects.create_superuser("up", "up@example.org", "pw"))
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("facade.png", png_bytes())},
    )
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert image.file.name in keys(bucket)
    assert image.file.name.startswith("original_images/facade")

    rendition = image.get_rendition("fill-20x20")
    assert rendition.file.name in keys(bucket)
    assert rendition.file.name.startswith("images/")
    # Stable: no signature, no expiry, on the custom domain (the CDN).
    assert rendition.url == f"https://media.example.org/{rendition.file.name}"
    head = bucket.head_object(Bucket=BUCKET, Key=rendition.file.name)
    assert head["CacheControl"] == "public, max-age=604800"
    # Public pages may load it: its origin is in the CSP's img-src list for S3.
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(rendition.url))
    assert origin in media_s3_config(ENVIRONMENT).origins

    # The original is private: a signed URL that expires, on the bucket, not the CDN.
    original = image.file.url
    assert "X-Amz-Signature=" in original and "X-Amz-Expires=3600" in original
    assert not original.startswith("https://media.example.org/")

    # No object carries an ACL of its own: the bucket policy decides what is public.
    for key in keys(bucket):
        grants = bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        assert all("URI" not in grant["Grantee"] for grant in grants), key


def test_same_name_twice_keeps_both_files(bucket):
    storage = storages["default"]
    first = storage.save("documents/report.pdf", ContentFile(b"one"))
    second = storage.save("documents/report.pdf", ContentFile(b"two"))
    assert first != second
    assert sorted(keys(bucket)) == sorted([first, second])


@pytest.mark.django_db
def test_document_streams_from_the_bucket_through_the_serve_view(bucket, client):
    Document = get_document_model()
    document = Document(title="Guide", collection=ensure_root_collection())
    document.file.save("guide.odt", ContentFile(b"ODT bytes from S3"), save=False)
    document.save()
    assert document.file.name in keys(bucket)
    assert document.file.name.startswith("documents/")

    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, "guide.odt"])
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"ODT bytes from S3"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_credentials_in_the_storage_arguments(bucket):
    """Wagtail's file-deletion task stores a storage's constructor arguments in the task
    table: they must hold the bucket's name, never a key."""
    secrets = [os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]]
    for alias in ("default", "renditions"):
        _path, args, kwargs = storages[alias].deconstruct()
        text = repr((args, kwargs))
        assert BUCKET in text
        assert not any(secret in text for secret in secrets)
        assert not {"access_key", "secret_key", "security_token"} & set(kwargs)
