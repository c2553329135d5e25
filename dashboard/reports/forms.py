"""Which area and which period a report is for, read from the address's query."""

from __future__ import annotations

import calendar
import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dashboard.reports.figures import Period, Tree, areas_for
from marketplace.models import AdministrativeArea

FIRST_YEAR = 2020


class AreaReportForm(forms.Form):
    """Bound to ``request.GET``; an empty query means her own area, this year."""

    PERIODS = (
        ("year", _("Year")),
        ("quarter", _("Quarter")),
        ("month", _("Month")),
        ("range", _("Between two dates")),
    )

    area = forms.TypedChoiceField(label=_("Area"), coerce=int, required=False)
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=2100,
        error_messages={"invalid": _("Give the year in figures, such as 2026.")},
    )
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        required=False,
    )
    month = forms.TypedChoiceField(
        label=_("Month"),
        coerce=int,
        required=False,
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, tree: Tree, top: AdministrativeArea):
        super().__init__(data)
        self.tree, self.top = tree, top
        # In the request's language (a lazy string formatted at import would not be).
        self.fields["quarter"].choices = [
            (q, gettext("Quarter %(q)s") % {"q": q}) for q in range(1, 5)
        ]
        self.fields["month"].choices = [
            (m, gettext("Month %(m)s") % {"m": m}) for m in range(1, 13)
        ]
        self.fields["area"].choices = [
            (area.pk, ("— " * (_depth(area) - _depth(top))) + area.name)
            for area in areas_for(tree, top)
        ]
        # Unknown and out-of-scope areas are told apart in clean_area: no choice check here.
        self.fields["area"].valid_value = lambda value: True
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        self.fields["quarter"].initial = (today.month - 1) // 3 + 1
        self.fields["month"].initial = today.month
        self.out_of_scope = False
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("class", "form-control")
            if self.is_bound and name in self.errors:
                field.widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-error"}
                )

    def clean_area(self) -> AdministrativeArea:
        pk = self.cleaned_data.get("area")
        if pk in (None, ""):
            return self.tree.areas[self.top.pk]
        area = self.tree.areas.get(pk)
        if area is None:
            raise forms.ValidationError(_("There is no such area."), code="unknown")
        if not self.tree.is_under(area, self.top):
            self.out_of_scope = True
            raise forms.ValidationError(
                _("You can see the reports of %(area)s and the areas under it only.")
                % {"area": self.top.name},
                code="out_of_scope",
            )
        return area

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        today = timezone.localdate()
        kind = data.get("period") or "year"
        year = data.get("year") or today.year
        if kind == "year":
            period = Period(
                datetime.date(year, 1, 1), datetime.date(year, 12, 31), str(year), str(year)
            )
        elif kind == "quarter":
            q = data.get("quarter") or (today.month - 1) // 3 + 1
            first = datetime.date(year, 3 * q - 2, 1)
            last = datetime.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
            period = Period(
                first, last, _("Quarter %(q)s/%(y)s") % {"q": q, "y": year}, f"{year}-q{q}"
            )
        elif kind == "month":
            m = data.get("month") or today.month
            last = datetime.date(year, m, calendar.monthrange(year, m)[1])
            period = Period(datetime.date(year, m, 1), last, f"{m:02d}/{year}", f"{year}-{m:02d}")
        else:
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Give both dates of the period."), code="dates")
            if start > end:
                raise forms.ValidationError(
                    _("The first date must be on or before the second."), code="inverted"
                )
            if (end - start).days > 3660:
                raise forms.ValidationError(_("A period can last ten years at most."), code="long")
            period = Period(
                start,
                end,
                f"{start:%d/%m/%Y} – {end:%d/%m/%Y}",
                f"{start:%Y-%m-%d}_{end:%Y-%m-%d}",
            )
        data["period_obj"] = period
        return data


def _depth(area: AdministrativeArea) -> int:
    return {"province": 0, "district": 1, "commune": 2}.get(area.level, 0)
