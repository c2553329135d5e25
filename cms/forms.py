from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from core.uploads import CleanImageField


class ContestEntryForm(forms.Form):
    # Cleaned here for a clear message beside the field; the service's check passes it through.
    image = CleanImageField(label=_("Your photo"), help_text=_("JPEG, PNG or WebP, up to 8 MB."))
    caption = forms.CharField(label=_("Caption"), max_length=200)


class QuizForm(forms.Form):
    """One radio group per question; values are choice positions."""

    def __init__(self, *args, contest, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_ids = []
        for block in contest.questions:
            if block.block_type != "question":
                continue
            name = f"q_{block.id}"
            self.question_ids.append((name, block.id))
            self.fields[name] = forms.TypedChoiceField(
                label=block.value["question"],
                choices=[
                    (str(n), choice["text"]) for n, choice in enumerate(block.value["choices"])
                ],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self) -> dict[str, int]:
        return {block_id: self.cleaned_data[name] for name, block_id in self.question_ids}


class CmsLoginForm(LoginForm):
    """Wagtail's sign-in form with a translated password label.

    Wagtail's ``LoginForm`` declares the password field without a label, so
    Django printed the field's name: "Password*" on the Vietnamese page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
