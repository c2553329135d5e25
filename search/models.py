from django.db import models
from django.utils.translation import gettext_lazy as _


class FoldedDocument(models.Model):
    """Searchable text folded for the database adapter (see ``search.text``).

    ``text`` starts with a space and separates words by single spaces, so a
    word-prefix match is ``text contains " " + word``. Kept beside the
    object (not on it) so that editing forms never see it.
    """

    title = models.TextField(_("folded title"))
    text = models.TextField(_("folded text"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class ProductSearchDocument(FoldedDocument):
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )

    class Meta:
        verbose_name = _("product search document")
        verbose_name_plural = _("product search documents")


class PageSearchDocument(FoldedDocument):
    """A live story or article's searchable text."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )

    class Meta:
        verbose_name = _("page search document")
        verbose_name_plural = _("page search documents")
