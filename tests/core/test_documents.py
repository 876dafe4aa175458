"""Documents are served by Wagtail's view only, after its collection privacy checks, with
headers that stop a browser from running them."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.models import CollectionViewRestriction

from maison.core.demo_tools import ensure_root_collection
from maison.core.testing import make_document

PDF = b"%PDF-1.4\n% private report\n"


@pytest.fixture
def private_collection(db):
    collection = ensure_root_collection().add_child(name="Coordination")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_private_document_redirects_anonymous_visitors_to_login(
    client, private_collection, site_tree
):
    document = make_document("rapport-probe.pdf", PDF, private_collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"] and "next=" in response["Location"]
    # Nor can the file be fetched from /media/ (development and tests serve media; nginx
    # marks /media/documents/ internal).
    assert client.get(f"/media/{document.file.name}").status_code == 404
    other = default_storage.save("original_images/served-probe.png", ContentFile(b"png"))
    try:
        assert client.get(f"/media/{other}").status_code == 200  # other media are served
    finally:
        default_storage.delete(other)


def test_private_document_is_served_to_staff(client, private_collection, django_user_model):
    document = make_document("rapport-probe.pdf", PDF, private_collection)
    staff = django_user_model.objects.create_user("agent", "agent@example.org", "pw")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    response = client.get(document.url)
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_pdf_opens_inline_with_nosniff_and_no_active_content(client):
    response = client.get(make_document("guide-probe.pdf", PDF).url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("budget-probe.ods", "application/vnd.oasis.opendocument.spreadsheet"),
        ("notes-probe.txt", "text/plain"),
        ("liste-probe.csv", "text/csv"),
    ],
)
def test_other_documents_are_downloads(client, name, content_type):
    document = make_document(name, b"<script>alert(1)</script>")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment")
    assert document.filename in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
