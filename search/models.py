from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductSearchDocument(models.Model):
    """A product's searchable text, folded, for the database search adapter.

    Kept beside the product (not on it) so that catalogue forms never see it.
    ``text`` starts with a space and separates words by single spaces, so a
    word-prefix match is ``text contains " " + word``.
    """

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    title = models.TextField(_("folded title"))
    text = models.TextField(_("folded text"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("product search document")
        verbose_name_plural = _("product search documents")

    def __str__(self) -> str:
        return self.title


class PageSearchDocument(models.Model):
    """A live story or article's searchable text, folded like product documents."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    title = models.TextField(_("folded title"))
    text = models.TextField(_("folded text"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("page search document")
        verbose_name_plural = _("page search documents")

    def __str__(self) -> str:
        return self.title
