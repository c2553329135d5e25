from __future__ import annotations

import datetime
import os
import secrets

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import (
    AbstractCategory,
    AbstractProduct,
    AbstractProductAttributeValue,
    MissingProductImage,
)

from core.sanitise import plain_text, rich_text
from core.text import in_language

TRACE_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
TRACE_CODE_LENGTH = 8


# The local-product facts a member edits and the public sees (product and trace pages).
LOCAL_PRODUCT_FIELDS = (
    "origin_commune",
    "maker",
    "materials",
    "size",
    "shelf_life",
    "ocop_stars",
    "ocop_certificate_number",
    "ocop_issued_on",
    "ocop_expires_on",
    "ocop_certificate_image",
)


def trace_code_new() -> str:
    """A short code for printed labels: no 0/O or 1/I to misread."""
    return "".join(secrets.choice(TRACE_CODE_ALPHABET) for _ in range(TRACE_CODE_LENGTH))


def ocop_stars_valid(
    stars: int | None,
    issued_on: datetime.date | None,
    expires_on: datetime.date | None,
    day: datetime.date,
) -> int | None:
    """The stars of a certificate on ``day``: none before it was issued or after it ran out."""
    if not stars:
        return None
    if issued_on and day < issued_on:
        return None
    if expires_on and day > expires_on:
        return None
    return stars


class Product(AbstractProduct):
    """Oscar's product with the facts a buyer of local products asks about.

    The OCOP ("One Commune One Product") rating counts only while its
    certificate is valid: see ``ocop_stars_on``. An OCOP rating is a public
    claim: ``clean`` holds the certificate rules, so the editor, the admin and
    the services (``full_clean``) refuse the same data with the same messages.
    """

    # Read through Oscar's get_model by the apps below the catalogue (marketplace).
    LOCAL_FIELDS = LOCAL_PRODUCT_FIELDS

    origin_commune = models.ForeignKey(
        "marketplace.AdministrativeArea",
        verbose_name=_("origin commune"),
        help_text=_("Where the product is made, when it differs from the seller's commune."),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"level": "commune"},
    )
    maker = models.CharField(
        _("made by"),
        max_length=128,
        blank=True,
        help_text=_("The member or group who made it."),
    )
    materials = models.TextField(_("materials or ingredients"), blank=True)
    size = models.CharField(_("weight or size"), max_length=64, blank=True)
    shelf_life = models.CharField(_("shelf life"), max_length=64, blank=True)
    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP stars"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
        choices=[(3, "3"), (4, "4"), (5, "5")],
    )
    ocop_certificate_number = models.CharField(
        _("OCOP certificate number"), max_length=64, blank=True
    )
    ocop_issued_on = models.DateField(_("OCOP certificate issued"), null=True, blank=True)
    ocop_expires_on = models.DateField(_("OCOP certificate expires"), null=True, blank=True)
    ocop_certificate_image = models.ImageField(
        _("photo of the OCOP certificate"),
        upload_to="ocop/",
        blank=True,
        help_text=_("For the Union's review of the rating."),
    )
    trace_code = models.CharField(
        _("traceability code"), max_length=16, unique=True, null=True, blank=True, editable=False
    )

    def save(self, *args, **kwargs):
        if not self.trace_code:
            self.trace_code = trace_code_new()
        # Members write the description in Oscar's editor: shown as HTML, kept clean.
        self.description = rich_text(self.description)
        # The title is plain text; Oscar's HTML stock-alert e-mails mark it safe.
        self.title = plain_text(self.title)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {} if self.is_child else self._ocop_errors()
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _ocop_errors(self) -> dict[str, list]:
        """The certificate rules, by field; a variant shares its parent's certificate."""
        errors: dict[str, list] = {}
        self.ocop_certificate_number = (self.ocop_certificate_number or "").strip()
        number = self.ocop_certificate_number
        issued, expires = self.ocop_issued_on, self.ocop_expires_on
        if self.ocop_stars:
            if not number:
                errors["ocop_certificate_number"] = [
                    _("An OCOP rating needs the certificate number printed on the certificate.")
                ]
            if not issued:
                errors["ocop_issued_on"] = [_("Give the date the certificate was issued.")]
            if not expires:
                errors["ocop_expires_on"] = [_("Give the date the certificate expires.")]
        elif number or issued or expires:
            errors["ocop_stars"] = [_("Choose the stars written on the OCOP certificate.")]
        dates = isinstance(issued, datetime.date) and isinstance(expires, datetime.date)
        if dates and expires < issued:  # a date that is not one has its own message
            errors["ocop_expires_on"] = [_("The certificate cannot expire before it was issued.")]
        return errors

    def ocop_stars_on(self, day: datetime.date | None = None) -> int | None:
        """The OCOP stars to show on ``day`` (today by default): none once expired."""
        return ocop_stars_valid(
            self.ocop_stars, self.ocop_issued_on, self.ocop_expires_on, day or timezone.localdate()
        )

    @property
    def ocop_stars_current(self) -> int | None:
        return self.ocop_stars_on()

    def get_missing_image(self):
        """Oscar's "no picture yet" image, safe when several first pages ask for it at once.

        Oscar links the picture into MEDIA_ROOT the first time it is needed and
        reports a failed link as a misconfiguration; when the link failed
        because another request made it meanwhile, the picture is there.
        """
        path = os.path.join(settings.MEDIA_ROOT, settings.OSCAR_MISSING_IMAGE_URL)
        try:
            return MissingProductImage()
        except ImproperlyConfigured:
            if not os.path.exists(path):
                raise
            return MissingProductImage()


class Category(AbstractCategory):
    """Oscar's category; its descriptions are shown as HTML, so they are kept clean.

    ``name`` is the Vietnamese name; ``name_en`` its optional English twin.
    Pages show ``display_name``: the name in the active language.
    """

    name_en = models.CharField(
        _("name in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown on English pages; leave blank to show the Vietnamese name."),
    )

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)

    def get_meta_title(self):
        # The SEO title is written in Vietnamese: English pages show the English name.
        return in_language("", self.name_en) or self.meta_title or self.name

    def save(self, *args, **kwargs):
        self.description = rich_text(self.description)
        self.long_description = rich_text(self.long_description)
        super().save(*args, **kwargs)


class ProductAttributeValue(AbstractProductAttributeValue):
    """Oscar's attribute value; a rich-text value is cleaned when it is set.

    Oscar saves attribute values in bulk (``bulk_create``/``bulk_update``,
    bypassing ``save()``), so the value is cleaned where Oscar binds it, and
    Oscar's ``value_as_html`` marks a rich-text value safe as it is stored.
    """

    def _set_value(self, new_value):
        if self.attribute.type == self.attribute.RICHTEXT and isinstance(new_value, str):
            new_value = rich_text(new_value)
        super()._set_value(new_value)

    value = property(AbstractProductAttributeValue._get_value, _set_value)

    def save(self, *args, **kwargs):
        if self.value_richtext:
            self.value_richtext = rich_text(self.value_richtext)
        super().save(*args, **kwargs)


from oscar.apps.catalogue.models import *  # noqa: E402, F403
