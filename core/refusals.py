"""One exception for "the rules say no", and the two ways a view shows it.

A service that refuses raises ``Refusal`` with a message for the person who
asked, already translated; it never returns an error string. Views do not
format refusals themselves; they wrap the service call in one of two helpers:

- ``refusal_as_message(request)``: the refusal becomes an error message
  (django.contrib.messages) on the page shown next;
- ``refusal_on_form(form)``: the refusal lands on the form she is filling
  in, beside the fields it names, so nothing she typed is lost.

``Refusal`` is a ``ValidationError``: ``except ValidationError`` and Django's
forms keep working with it. ``refuse_invalid`` runs a model's ``full_clean``
and refuses with the model's own messages, kept by field.

Authorisation is not a refusal: services still raise ``PermissionDenied``,
which Django answers with its 403 page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst


class Refusal(ValidationError):
    """A business rule refused the request; the message is for the person who asked.

    Built like a ``ValidationError``: a message (with an optional ``code``
    views may branch on), a list of them, or a dict of them by model field;
    ``labels`` names those fields for a reader who sees no form.
    """

    def __init__(self, message, code=None, params=None, *, labels=None):
        super().__init__(message, code, params)
        self.labels = dict(labels or {})

    def labelled_messages(self) -> list[str]:
        """Every message, the ones about a field starting with the field's label."""
        if not hasattr(self, "error_dict"):
            return list(self.messages)
        found = []
        for field, errors in self.error_dict.items():
            label = self.labels.get(field)
            for message in ValidationError(errors).messages:
                found.append(f"{capfirst(label)}: {message}" if label else message)
        return found

    @property
    def text(self) -> str:
        """The refusal in one line, as a message shows it."""
        return " ".join(self.labelled_messages())


def refuse_invalid(instance: models.Model, **full_clean_kwargs) -> None:
    """``instance.full_clean(...)``, refusing with the model's messages, by field."""
    try:
        instance.full_clean(**full_clean_kwargs)
    except ValidationError as error:
        labels = {field.name: field.verbose_name for field in instance._meta.fields}
        raise Refusal(error, labels=labels) from None


@contextmanager
def refusal_as_message(request) -> Iterator[None]:
    """Run the block; a refusal in it becomes an error message and the view goes on after it.

    Code after the service call inside the block (a success message, a
    redirect) runs only when nothing was refused.
    """
    try:
        yield
    except Refusal as refusal:
        messages.error(request, refusal.text)


@contextmanager
def refusal_on_form(form: forms.BaseForm, field: str | None = None) -> Iterator[None]:
    """Run the block; a refusal in it becomes errors of ``form`` (which is then not valid).

    Messages about a field the form has go beside it; the others go on
    ``field`` when given, else above the form, with their field's label.
    """
    try:
        yield
    except Refusal as refusal:
        form_refusal_add(form, refusal, field)


def form_refusal_add(form: forms.BaseForm, refusal: Refusal, field: str | None = None) -> None:
    if not hasattr(refusal, "error_dict"):
        form.add_error(field, refusal)
        return
    for name, errors in refusal.error_dict.items():
        if name in form.fields:
            form.add_error(name, errors)
        else:
            part = Refusal({name: errors}, labels=refusal.labels)
            form.add_error(field, part.labelled_messages())
