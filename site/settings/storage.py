"""Media on S3-compatible object storage (django-storages), read from the environment.

Two storages on one bucket, told apart by key prefix:

- ``default`` (originals under ``original_images/``, documents under ``documents/``):
  **private**. No object is readable without credentials; the admin gets signed URLs
  that expire, and documents are streamed by Wagtail's serve view after its permission
  checks (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), never linked to the bucket.
- ``renditions`` (``images/``): **public**, unsigned and stable URLs, on
  ``MEDIA_S3_CUSTOM_DOMAIN`` when set (a CDN). The anonymous page cache keeps HTML that
  holds these URLs, so they must not expire. The bucket policy in docs/DEPLOYMENT.md
  grants anonymous ``s3:GetObject`` on ``images/*`` only.

Credentials are never storage options: boto3 reads ``AWS_ACCESS_KEY_ID`` /
``AWS_SECRET_ACCESS_KEY`` (or an instance role) from the environment. Options end up in
the task table (Wagtail's file-deletion task stores the storage's constructor arguments).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
PUBLIC_PREFIX = "images/"  # Wagtail's renditions; the only public keys in the bucket


@dataclass(frozen=True)
class MediaS3Config:
    storages: dict
    origins: list[str]  # where public pages load images from (for the CSP's img-src)


def media_s3_config(environ: Mapping[str, str] | None = None) -> MediaS3Config | None:
    """STORAGES entries for the bucket named by MEDIA_S3_BUCKET, or None (local disk)."""
    environ = os.environ if environ is None else environ

    def get(name: str) -> str:
        return (environ.get(name) or "").strip()

    bucket = get("MEDIA_S3_BUCKET")
    if not bucket:
        return None
    endpoint = get("MEDIA_S3_ENDPOINT_URL").rstrip("/") or None
    region = get("MEDIA_S3_REGION") or None
    custom_domain = get("MEDIA_S3_CUSTOM_DOMAIN").strip("/") or None
    addressing_style = get("MEDIA_S3_ADDRESSING_STYLE") or None
    if addressing_style not in (None, "path", "virtual"):
        raise ImproperlyConfigured("MEDIA_S3_ADDRESSING_STYLE must be 'path' or 'virtual'.")
    if custom_domain and "://" in custom_domain:
        raise ImproperlyConfigured(
            "MEDIA_S3_CUSTOM_DOMAIN is a host name (media.example.org), without https://."
        )
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": region,
        "addressing_style": addressing_style,
        # Two uploads named photo.jpg are two objects (S3Storage overwrites by default).
        "file_overwrite": False,
        # No ACLs (S3 "bucket owner enforced"): the bucket policy alone decides what is public.
        "default_acl": None,
    }
    private = {
        **common,
        "querystring_auth": True,
        "querystring_expire": 3600,
        "signature_version": "s3v4",
    }
    public = {
        **common,
        "querystring_auth": False,
        "custom_domain": custom_domain,
        "object_parameters": {"CacheControl": "public, max-age=604800"},
    }
    return MediaS3Config(
        storages={
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": private},
            "renditions": {"BACKEND": S3_BACKEND, "OPTIONS": public},
        },
        origins=_origins(bucket, endpoint, region, custom_domain),
    )


def _origins(bucket: str, endpoint: str | None, region: str | None, domain: str | None):
    """Every origin an image URL may have: the custom domain, else the bucket's endpoint in
    path or virtual-host style. Public pages load renditions from it; the admin also loads
    signed originals from the bucket itself."""
    origins = [f"https://{domain}"] if domain else []
    if endpoint:
        parts = urlsplit(endpoint)
        origins += [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    else:
        origins.append(f"https://{bucket}.s3.amazonaws.com")
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins
