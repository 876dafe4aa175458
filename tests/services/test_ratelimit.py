import pytest
from django.test import RequestFactory

from maison.core.ratelimit import RateLimit, client_fingerprint, ratelimit


def make_request(ip="198.51.100.7", method="post"):
    return getattr(RequestFactory(), method)("/", REMOTE_ADDR=ip)


def test_counts_per_client_and_exceeds_after_the_limit():
    limit = RateLimit("unit", limit=2, period=60)
    assert not limit.exceeded(make_request())
    assert not limit.exceeded(make_request())
    assert limit.exceeded(make_request())
    assert not limit.exceeded(make_request(ip="198.51.100.8"))


def test_the_ip_is_never_part_of_the_cache_key():
    request = make_request()
    assert "198.51.100.7" not in RateLimit("unit", 1, 60).key(request)
    assert client_fingerprint(request) == client_fingerprint(make_request())


@pytest.mark.django_db
def test_decorator_answers_429_for_posts_only():
    from django.http import HttpResponse

    @ratelimit("decorated", limit=1, period=120)
    def view(request):
        return HttpResponse("ok")

    assert view(make_request()).status_code == 200
    blocked = view(make_request())
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "120"
    assert view(make_request(method="get")).status_code == 200
