"""Uploads policy: no SVG (nor anything else a browser could run) among images or
documents, and limits on an image's size and pixels. Refused files are not stored."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from maison.core.demo_tools import ensure_root_collection

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)


def png_bytes(size=(8, 8), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, django_user_model):
    # The root collection comes from a migration; a transactional test run earlier in the
    # same process flushes it.
    ensure_root_collection()
    user = django_user_model.objects.create_superuser("uploader", "up@example.org", "pw")
    client.force_login(user)
    return client


def stored_names(folder: str) -> set[str]:
    root = Path(settings.MEDIA_ROOT) / folder
    return {path.name for path in root.iterdir()} if root.exists() else set()


def upload_image(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
    )


def upload_document(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
    )


def refused(response) -> str:
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    return data["error_message"]


def test_a_png_upload_is_accepted(admin_client):
    data = upload_image(admin_client, "accepted-upload-probe.png", png_bytes()).json()
    assert data["success"] is True
    image = get_image_model().objects.get()
    assert image.file.name.startswith("original_images/accepted-upload-probe")
    image.file.delete(save=False)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("drawing-probe.svg", SVG),  # an SVG
        ("renamed-svg-probe.png", SVG),  # an SVG named .png
        ("renamed-png-probe.svg", png_bytes()),  # a PNG named .svg
    ],
)
def test_svg_images_are_refused_with_a_message_and_not_stored(admin_client, name, content):
    before = stored_names("original_images")
    message = refused(upload_image(admin_client, name, content))
    assert message  # shown beside the file in the multiple-upload page
    if name.endswith(".svg"):
        formats = ", ".join(settings.WAGTAILIMAGES_EXTENSIONS).upper()
        assert "SVG" not in formats
        expected = _("Not a supported image format. Supported formats: %(supported_formats)s.")
        assert message == expected % {"supported_formats": formats}
    assert get_image_model().objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert stored_names("original_images") == before


def test_svg_image_refused_by_the_add_form_too(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": SimpleUploadedFile("logo-probe.svg", SVG)},
    )
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == 0


def test_image_over_the_size_limit_is_refused(admin_client):
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert limit == 10 * 1024 * 1024
    # A valid PNG (Willow reads its header) padded past the limit.
    content = png_bytes() + b"\0" * (limit + 1)
    message = refused(upload_image(admin_client, "huge-probe.png", content))
    assert "10,0" in message or "10.0" in message  # "Maximum filesize 10.0 MB"
    assert get_image_model().objects.count() == 0


def test_image_over_the_pixel_limit_is_refused(admin_client):
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    assert limit == 40_000_000
    # 8,000 × 5,001 grey pixels: a few kB of PNG, 40,008,000 pixels to decode.
    content = png_bytes((8000, 5001), mode="L")
    message = refused(upload_image(admin_client, "wide-probe.png", content))
    expected = _(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    )
    assert message == expected % {"num_pixels": 8000 * 5001, "max_pixels_count": limit}
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("drawing-probe.svg", SVG),
        ("page-probe.html", b"<html><script>alert(1)</script></html>"),
        ("script-probe.js", b"alert(1)"),
        ("data-probe.xml", b"<?xml version='1.0'?><a/>"),
    ],
)
def test_documents_outside_the_allowlist_are_refused_and_not_stored(admin_client, name, content):
    before = stored_names("documents")
    message = refused(upload_document(admin_client, name, content))
    extension = name.rsplit(".", 1)[1]
    assert f"“{extension}”" in message or f"'{extension}'" in message or extension in message
    assert get_document_model().objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert stored_names("documents") == before


def test_html_document_refused_by_the_add_form_too(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Page", "file": SimpleUploadedFile("page-probe.html", b"<html></html>")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_document_model().objects.count() == 0


@pytest.mark.parametrize("extension", ["pdf", "odt", "docx", "xlsx", "csv", "txt"])
def test_office_documents_are_accepted(admin_client, extension):
    data = upload_document(admin_client, f"accepted-probe.{extension}", b"content").json()
    assert data["success"] is True
    document = get_document_model().objects.get()
    document.file.delete(save=False)
