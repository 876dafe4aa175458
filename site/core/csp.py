"""Content-Security-Policy: a strict policy for the public site, a relaxed one for the admin.

django-csp sends ``CONTENT_SECURITY_POLICY`` (settings) on every response. The Wagtail admin
(and the page previews it frames) still relies on inline scripts and styles, so responses
under ``/<ADMIN_PATH>/`` get ``CONTENT_SECURITY_POLICY_ADMIN`` instead. A view can still
adjust its own policy with django-csp's decorators (``csp_update``, ``csp_replace``...).
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.utils.functional import cached_property


class SiteCSPMiddleware(CSPMiddleware):
    @cached_property
    def admin_prefix(self) -> str:
        return f"/{settings.ADMIN_PATH}/"

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(self.admin_prefix)
        ):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts
