"""Content-Security-Policy: the strict public policy, and the one the Wagtail admin runs under.

django-csp sends CONTENT_SECURITY_POLICY with every response; its documented extension point,
`get_policy_parts`, gives addresses under CSP_ADMIN_PREFIXES CONTENT_SECURITY_POLICY_ADMIN
instead (see the settings for what the admin needs and why). A view's own policy
(django-csp's decorators) still wins over both.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.CSP_ADMIN_PREFIXES)
        ):
            # As django-csp's csp_override decorator would set it for a view.
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
