"""The forms a woman fills in to join the Union or to report abuse, and staff's decisions."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.validators import normalise_mobile
from marketplace.models import AdministrativeArea
from marketplace.selectors import area_tree
from union.consent import CONSENT_LABEL
from union.models import AbuseReport, Occupation

OUTSIDE = "outside"
MIN_AGE = 18  # the Union's charter: Vietnamese women from 18 years of age


def commune_choices() -> list:
    """Communes grouped by district, and "outside the province" for women working away."""
    choices: list = [("", _("Choose your commune or ward"))]
    for province in area_tree():
        for district in province.active_children:
            communes = [(str(c.pk), c.name) for c in district.active_children]
            if communes:
                choices.append((district.name, communes))
    choices.append((OUTSIDE, _("Outside the province")))
    return choices


class MembershipRequestForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=120)
    birth_year = forms.IntegerField(
        label=_("Year of birth"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("The Union's staff call or text you on this number."),
    )
    email = forms.EmailField(
        label=_("E-mail (if you have one)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    area = forms.ChoiceField(label=_("Commune or ward where you live"))
    place_outside = forms.CharField(
        label=_("Where you live or work, outside the province"),
        required=False,
        max_length=200,
        help_text=_("For example: Bình Dương, Khu công nghiệp VSIP."),
    )
    occupation = forms.ChoiceField(
        label=_("Occupation"), choices=[("", _("Choose your occupation")), *Occupation.choices]
    )
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        error_messages={
            "required": _("Please agree to the use of your data: without it we cannot contact you.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = commune_choices()
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise ValidationError(_("Write your full name, as on your ID card."))
        return name

    def clean_birth_year(self) -> int:
        year = self.cleaned_data["birth_year"]
        this_year = timezone.localdate().year
        if year > this_year - MIN_AGE:
            raise ValidationError(
                _("The Union welcomes women from %(age)s years of age.") % {"age": MIN_AGE}
            )
        if year < this_year - 110:
            raise ValidationError(_("Check the year of birth: four digits, such as 1985."))
        return year

    def clean_phone(self) -> str:
        return normalise_mobile(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        area = cleaned.get("area")
        if area == OUTSIDE:
            cleaned["commune"] = None
            if not (cleaned.get("place_outside") or "").strip():
                self.add_error(
                    "place_outside", _("Say where you live or work outside the province.")
                )
        elif area:
            commune = AdministrativeArea.objects.filter(
                pk=area, level=AdministrativeArea.Level.COMMUNE, is_active=True
            ).first()
            if commune is None:
                self.add_error("area", _("Choose your commune or ward from the list."))
            cleaned["commune"] = commune
        return cleaned


class AbuseReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=AbuseReport.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    contact = forms.CharField(
        label=_("Your phone or e-mail (optional)"),
        required=False,
        max_length=200,
        help_text=_("Only if you want the Union to contact you. You may stay anonymous."),
    )


class ReportDecisionForm(forms.Form):
    DISMISS = "dismiss"
    HIDE = "hide"
    SUSPEND = "suspend"

    action = forms.ChoiceField(
        choices=[(DISMISS, DISMISS), (HIDE, HIDE), (SUSPEND, SUSPEND)], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.SUSPEND and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason: the cooperative will read it."))
        return cleaned
