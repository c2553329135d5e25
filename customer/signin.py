"""Sign-in lock-out (django-axes) on the shop's, the CMS's and Django admin's login.

Every login form of the site goes through django.contrib.auth's
``authenticate(request, ...)``, where axes' backend refuses a locked-out
client and axes' signal handler counts each failure. The rules and their
limits are settings (config/settings/accounts.py); the owner of a locked
account gets back in by setting a new password (customer/views.py).
"""

from __future__ import annotations

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class SigninAttemptHandler(AxesDatabaseHandler):
    """axes' database handler with one failure limit per lock-out rule.

    axes counts the failures of each rule of AXES_LOCKOUT_PARAMETERS and
    compares the largest with a single AXES_FAILURE_LIMIT. Here each rule's
    count is scaled to that limit by its own (SIGNIN_FAILURE_LIMITS, in the
    same order): 20 failures from one address weigh as much as 5 for one
    account from one address. The database is shared by every worker and
    machine, so a lock-out holds wherever the next attempt lands.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        limit = settings.AXES_FAILURE_LIMIT
        scaled = 0
        for attempts, rule_limit in zip(
            self.get_user_attempts(request, credentials),
            settings.SIGNIN_FAILURE_LIMITS,
            strict=True,
        ):
            failures = sum(attempts.values_list("failures_since_start", flat=True))
            scaled = max(scaled, failures * limit // rule_limit)
        return scaled

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        """After a correct sign-in, forget that account's failures from that address only.

        axes deletes the attempts matching each rule, and the address rule
        matches every account: anyone with an account of her own could then
        wipe the count of her guesses at another's by signing in between them.
        """
        username = signin_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count


def signin_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The account a sign-in names, lower-cased: An@x.vn and an@x.vn are one account."""
    username = (credentials or {}).get("username")
    if username is None:
        username = request.POST.get("username")
    return username.strip().lower() if isinstance(username, str) else None


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """The lock-out page: why, how long to wait, and the way back in (a new password)."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    response = render(
        request, "storefront_theme/accounts/lockout.html", {"minutes": minutes}, status=429
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
