from django.shortcuts import redirect
from django.urls import reverse

# Paths a member may still reach before choosing a password: signing out, and what the
# change-password page itself loads (translations for scripts, Wagtail's icon sprite, which
# a script fetches and inserts into the page: redirected, it inserted the page a second time).
ALLOWED_PREFIXES = ("/admin/logout/", "/admin/jsi18n/", "/admin/sprite/", "/static/")


class FirstPasswordMiddleware:
    """Send members who still have a temporary password to the change-password page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path first: public pages must not touch the session (it would make them vary
        # by cookie, and so uncacheable).
        if request.path.startswith("/admin/") and request.user.is_authenticated:
            user = request.user
            target = reverse("kim_first_password")
            profile = getattr(user, "member_profile", None)
            if (
                profile
                and profile.must_change_password
                and request.path != target
                and not request.path.startswith(ALLOWED_PREFIXES)
            ):
                return redirect(target)
        return self.get_response(request)
