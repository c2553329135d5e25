"""Joining the Union online, reports of abuse, and the log of staff's decisions on both.

Personal data follows Decree 13/2023/NĐ-CP: a request to join says why the
data is collected (``consent.py``), records her consent with its time and
the version of the text she agreed to, and can be erased on her request,
leaving only a line in the log that a request existed and was erased.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.blocks import RICH_TEXT_FEATURES
from cms.models import ReadableSlugMixin
from core.validators import format_phone


class JoinPage(ReadableSlugMixin, Page):
    """ "Tham gia Hội": the Union's words around the form to ask to join (``union.views``)."""

    intro = RichTextField(_("text above the form"), blank=True, features=RICH_TEXT_FEATURES)
    outro = RichTextField(_("text below the form"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you = models.CharField(
        _("thank-you message"),
        max_length=300,
        blank=True,
        help_text=_("Shown once she has sent her request; empty: a standard thank-you."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("outro"),
        FieldPanel("thank_you"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("join the Union page")

    def serve(self, request, *args, **kwargs):
        from union import views  # union.views imports union.models: app-loading cycle

        return views.join_page_serve(self, request)


class Occupation(models.TextChoices):
    FARMER = "farmer", _("Farmer")
    TRADER = "trader", _("Trader")
    WORKER = "worker", _("Worker")
    COOPERATIVE = "cooperative", _("Cooperative member")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Other")


class MembershipRequest(models.Model):
    """A woman's request to join the Union, until staff accept or decline it, or erase it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a call")
        ACCEPTED = "accepted", pgettext_lazy("request to join", "Accepted")
        DECLINED = "declined", pgettext_lazy("request to join", "Declined")
        ERASED = "erased", _("Erased on her request")

    full_name = models.CharField(_("full name"), max_length=120)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True)
    phone = models.CharField(_("phone"), max_length=15)
    email = models.EmailField(_("e-mail"), blank=True)
    commune = models.ForeignKey(
        "marketplace.AdministrativeArea",
        verbose_name=_("commune or ward"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="membership_requests",
        limit_choices_to={"level": "commune"},
    )
    place_outside = models.CharField(
        _("place outside the province"),
        max_length=200,
        blank=True,
        help_text=_("Where she lives or works when outside the province."),
    )
    occupation = models.CharField(_("occupation"), max_length=20, choices=Occupation.choices)
    consent_at = models.DateTimeField(_("consent given"), null=True)
    consent_version = models.CharField(_("consent text version"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    language = models.CharField(_("language"), max_length=8, default="vi")
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One living request per phone: a second one is refused politely (services).
            models.UniqueConstraint(
                fields=["phone"],
                condition=~Q(status="erased"),
                name="union_one_request_per_phone",
            )
        ]

    def __str__(self) -> str:
        if self.status == self.Status.ERASED:
            return _("Request %(number)s (erased)") % {"number": self.pk}
        return self.full_name

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def place(self) -> str:
        if self.commune_id:
            return ", ".join(reversed(self.commune.path_names[1:] or self.commune.path_names))
        return self.place_outside


class AbuseReport(models.Model):
    """Someone's report that a product, cooperative, story or contest entry is harmful."""

    class Kind(models.TextChoices):
        PRODUCT = "product", _("Product")
        VENDOR = "vendor", _("Cooperative")
        STORY = "story", _("Story")
        CONTEST_ENTRY = "contest_entry", _("Contest entry")

    class Reason(models.TextChoices):
        SCAM = "scam", _("Scam or fake product")
        WRONG_INFORMATION = "wrong_information", _("Wrong information")
        OFFENSIVE = "offensive", _("Offensive content")
        CHILD_HARM = "child_harm", _("Harm to a child")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("abuse report", "Waiting")
        DISMISSED = "dismissed", pgettext_lazy("abuse report", "Dismissed")
        ACTED = "acted", _("Acted on")

    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("item number"))
    item_title = models.CharField(_("item"), max_length=255)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), blank=True, max_length=2000)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.item_title}"

    @property
    def is_urgent(self) -> bool:
        return self.reason == self.Reason.CHILD_HARM


class UnionEvent(models.Model):
    """One decision of staff on a request to join or a report. Never edited, never erased.

    It names what was decided on by number and kind only: erasing a request
    leaves this line without her personal data.
    """

    class Action(models.TextChoices):
        MEMBERSHIP_ACCEPTED = "membership_accepted", _("Request to join accepted")
        MEMBERSHIP_DECLINED = "membership_declined", _("Request to join declined")
        MEMBERSHIP_ERASED = "membership_erased", _("Request to join erased on her request")
        REPORT_DISMISSED = "report_dismissed", _("Reports dismissed")
        ITEM_HIDDEN = "item_hidden", _("Item hidden pending review")
        VENDOR_SUSPENDED = "vendor_suspended", _("Cooperative suspended after reports")

    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    kind = models.CharField(_("what"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("item number"))
    item_title = models.CharField(_("item"), max_length=255, blank=True)
    reports = models.PositiveIntegerField(_("reports"), default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Union decision")
        verbose_name_plural = _("Union decisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.kind} {self.object_id}"
