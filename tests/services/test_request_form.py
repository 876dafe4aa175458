"""The technoprévention request form: happy path, spam paths, invalid input."""

import pytest
from django.core import mail

from maison.services.models import TechnopreventionRequest
from maison.services.models.requests import SUBMIT_LIMIT

VALID = {
    "request_type": "visit",
    "name": "Camille Exemple",
    "contact_preference": "email",
    "email": "camille@example.org",
    "phone": "",
    "postcode": "1050",
    "message": "Porte d'entrée ancienne.",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def form_page(services_tree):
    return services_tree.request_page


@pytest.mark.django_db
def test_happy_path_stores_notifies_and_confirms(
    client, form_page, django_capture_on_commit_callbacks
):
    page = form_page["fr"]
    # The notice is enqueued when the request commits (immediate task backend in tests).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, VALID)
    assert response.status_code == 302
    assert response.url == page.url + "thanks/"

    stored = TechnopreventionRequest.objects.get()
    assert stored.name == "Camille Exemple"
    assert stored.language == "fr"
    assert stored.page_id == page.pk

    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["technoprevention@example.org"]
    assert f"/inspect/{stored.pk}/" in notice.body
    # No personal data leaves by email: only the type, postcode and an admin link.
    assert "Camille" not in notice.body and "camille@example.org" not in notice.body

    thanks = client.get(response.url)
    assert thanks.status_code == 200
    assert b"noindex" in thanks.content


@pytest.mark.django_db
def test_form_page_states_purpose_and_retention(client, form_page):
    content = client.get(form_page["en"].url).content.decode()
    assert "only to answer this request" in content
    assert "12 months" in content
    assert 'name="website"' in content and 'tabindex="-1"' in content


@pytest.mark.django_db
def test_honeypot_looks_successful_but_stores_and_sends_nothing(client, form_page):
    response = client.post(form_page["fr"].url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert TechnopreventionRequest.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_rate_limit_answers_429_with_a_readable_page(client, form_page):
    url = form_page["en"].url
    for _ in range(SUBMIT_LIMIT.limit):
        assert client.post(url, {**VALID, "name": ""}).status_code == 400
    response = client.post(url, VALID)
    assert response.status_code == 429
    assert response["Retry-After"] == str(SUBMIT_LIMIT.period)
    assert b"Too many requests" in response.content
    assert TechnopreventionRequest.objects.count() == 0
    # Another client (another IP) is not affected.
    other = client.post(url, VALID, REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 302


@pytest.mark.django_db
def test_invalid_input_gets_field_messages_in_dutch_and_stores_nothing(client, form_page):
    response = client.post(
        form_page["nl"].url,
        {**VALID, "name": "", "postcode": "75001", "contact_preference": "phone", "consent": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit is een verplicht veld." in html  # Django's own Dutch message
    assert 'id="name-error"' in html
    assert 'aria-describedby="name-error"' in html
    assert 'aria-invalid="true"' in html
    assert 'id="postcode-error"' in html and 'id="phone-error"' in html
    assert 'id="consent-error"' in html
    assert 'class="error-summary"' in html
    assert TechnopreventionRequest.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_garbage_input_never_crashes(client, form_page):
    response = client.post(
        form_page["fr"].url,
        {"request_type": "x" * 5000, "name": "\x00", "postcode": "<script>", "consent": "on"},
    )
    assert response.status_code == 400
    assert TechnopreventionRequest.objects.count() == 0


@pytest.mark.django_db
def test_purge_erases_requests_past_retention(form_page):
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from maison.services.factories import TechnopreventionRequestFactory

    old = TechnopreventionRequestFactory(created_at=timezone.now() - dt.timedelta(days=400))
    recent = TechnopreventionRequestFactory()
    call_command("purge_service_requests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(TechnopreventionRequest.objects.all()) == [recent]
    assert not TechnopreventionRequest.objects.filter(pk=old.pk).exists()
