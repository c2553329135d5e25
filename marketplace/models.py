from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AdministrativeArea(models.Model):
    """A province, district or commune: data, never code.

    Vietnam abolished the district level in 2025, so the tree's shape and
    names are edited by staff, and a retired area is deactivated, not deleted.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune")

    CHILD_LEVEL = {Level.PROVINCE: Level.DISTRICT, Level.DISTRICT: Level.COMMUNE}

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("administrative area")
        verbose_name_plural = _("administrative areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="area_unique_slug_in_parent"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(parent__isnull=True), name="area_unique_root_slug"
            ),
        ]
        indexes = [models.Index(fields=["level", "is_active"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id is None:
            if self.level != self.Level.PROVINCE:
                raise ValidationError({"parent": _("Only a province can stand at the top.")})
            return
        expected = self.CHILD_LEVEL.get(self.parent.level)
        if expected != self.level:
            raise ValidationError(
                {
                    "level": _("A %(parent)s can only contain a %(child)s.")
                    % {
                        "parent": self.parent.get_level_display().lower(),
                        "child": self.Level(expected).label.lower() if expected else "-",
                    }
                }
            )

    @property
    def path_names(self) -> list[str]:
        names, node = [], self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return list(reversed(names))


class Vendor(models.Model):
    """A cooperative, cooperative group or women-owned business that sells here.

    Each vendor wraps one Oscar ``Partner``, which carries its name, its
    stock records and its dashboard users.
    """

    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Cooperative")
        COOPERATIVE_GROUP = "cooperative_group", _("Cooperative group")
        HOUSEHOLD = "household", _("Women-owned household business")
        INDIVIDUAL = "individual", _("Individual member")

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="vendor"
    )
    slug = models.SlugField(_("slug"), max_length=128, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    commune = models.ForeignKey(
        AdministrativeArea,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="vendors",
        limit_choices_to={"level": AdministrativeArea.Level.COMMUNE},
    )
    story = models.TextField(_("story"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("vendor")
        verbose_name_plural = _("vendors")
        ordering = ["partner__name"]

    def __str__(self) -> str:
        return self.partner.name

    @property
    def name(self) -> str:
        return self.partner.name
