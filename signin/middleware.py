from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from kim.middleware import ALLOWED_PREFIXES

from .second_factor import is_enrolled, requires_second_factor


class SecondFactorMiddleware:
    """Hold back from the admin anyone who needs a second factor until they have given it.

    Enrolled: the code page. Not enrolled yet: the enrolment page. Signing out, the pages
    those load, and the first-password page (which comes first) stay open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path first: public pages must not touch the session.
        if (
            request.path.startswith("/admin/")
            and request.user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not request.path.startswith("/admin/dua-langkah/")
            and request.path != reverse("kim_first_password")
            and not request.user.is_verified()
            and requires_second_factor(request.user)
        ):
            target = "signin_verify" if is_enrolled(request.user) else "signin_enrol"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
