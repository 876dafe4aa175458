"""Two-factor authentication for staff (django-otp).

- ``middleware``: sends staff who have not passed the second factor in this session to the
  setup or verification page before any admin page.
- ``devices``: the authenticator (TOTP) device and the single-use backup codes of a user.
- ``forms``, ``views``, ``urls``: the setup, verification and management pages, routed
  under the admin path by ``maison/users/wagtail_hooks.py``.
- ``testing``: helpers for tests (pass the second factor with ``force_login``, current code).
"""
