"""Content-Security-Policy: the strict public policy, and the one the Wagtail admin runs under.

django-csp sends CONTENT_SECURITY_POLICY with every response; its documented extension point,
`get_policy_parts`, gives addresses under CSP_ADMIN_PREFIXES CONTENT_SECURITY_POLICY_ADMIN
instead (see the settings for what the admin needs and why). A view's own policy
(django-csp's decorators) still wins over both.

A page-cache hit is answered without a view, so nothing can change its policy per response
(no decorator, no nonce): the header django-csp built for the first hit is given to the
following ones. Building it (twice, with the report-only one) was a quarter of a hit's CPU.
A page cache keeps a page's headers and body only, so a view that needs a policy of its own
(django-csp's decorators) must not be cached: mark it `never_cache`.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.test.signals import setting_changed

from pagecache.middleware import HIT_HEADER


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    # The header page-cache hits get, once django-csp has built it for one.
    hit_policy = None

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

    def process_response(self, request, response):
        if not self._is_plain_hit(request, response):
            return super().process_response(request, response)
        cls = type(self)
        if cls.hit_policy is None:
            response = super().process_response(request, response)
            cls.hit_policy = response.get(HEADER)
        elif HEADER not in response:
            response[HEADER] = cls.hit_policy
        return response

    @staticmethod
    def _is_plain_hit(request, response):
        """A cached public page, under the settings' own policy and no report-only one."""
        if response.get(HIT_HEADER) != "hit":
            return False
        if getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return False
        policy = settings.CONTENT_SECURITY_POLICY or {}
        special = (*settings.CSP_ADMIN_PREFIXES, *(policy.get("EXCLUDE_URL_PREFIXES") or ()))
        return not request.path_info.startswith(special)


def forget_hit_policy(setting, **kwargs):
    if setting.startswith(("CONTENT_SECURITY_POLICY", "CSP_")):
        ContentSecurityPolicyMiddleware.hit_policy = None


setting_changed.connect(forget_hit_policy)
