"""E-mail from templates, in the reader's language.

A message is two templates, ``<name>_subject.txt`` and ``<name>_body.txt``;
the subject is folded onto one line. Every context gets ``site_url``, the
address links in e-mails name.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def mail_send(
    *, template: str, context: dict, recipients: list[str], language: str | None = None
) -> None:
    """Render ``template`` (a path without ``_subject.txt``) in ``language`` and send it.

    Without a ``language``, in the active one (the page the visitor used).
    """
    with translation.override(language or translation.get_language()):
        context = {**context, "site_url": settings.SITE_URL.rstrip("/")}
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)
