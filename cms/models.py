"""The Union's pages. Few types; each states where it may live.

The full set (campaigns, contests, block library, curated collections)
grows from these in the CMS issue.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from marketplace.selectors import product_cards, products_for_sale


class HomePage(Page):
    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StoryIndexPage", "cms.NewsIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_products"] = product_cards(
            products_for_sale().order_by("-date_created", "-pk")
        )[:8]
        context["latest_stories"] = (
            StoryPage.objects.live().public().order_by("-first_published_at")[:3]
        )
        context["latest_articles"] = (
            ArticlePage.objects.live().public().order_by("-date", "-pk")[:4]
        )
        return context


class IndexPage(Page):
    """A section page listing its live children, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    children_name = "children"
    children_ordering: tuple[str, ...] = ("-first_published_at",)

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        child_model = self.specific_class.allowed_subpage_models()[0]
        context[self.children_name] = (
            child_model.objects.child_of(self).live().public().order_by(*self.children_ordering)
        )
        return context


class StoryIndexPage(IndexPage):
    subpage_types = ["cms.StoryPage"]
    children_name = "stories"

    class Meta:
        verbose_name = _("story index")


class StoryPage(Page):
    """One "Women on the digital transformation journey" story."""

    intro = models.CharField(_("introduction"), max_length=300)
    body = RichTextField(_("body"))
    vendor = models.ForeignKey(
        "marketplace.Vendor",
        verbose_name=_("vendor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("vendor"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")


class NewsIndexPage(IndexPage):
    subpage_types = ["cms.ArticlePage"]
    children_name = "articles"
    children_ordering = ("-date", "-pk")

    class Meta:
        verbose_name = _("news index")


class ArticlePage(Page):
    class Topic(models.TextChoices):
        POLICY = "policy", _("Policy and law on women, children and gender equality")
        HOUSEHOLD_MODEL = "household_model", _('The "5 no, 3 clean" household model')
        ONLINE_SAFETY = "online_safety", _("Safety for women and children online")
        ECONOMIC_MODEL = "economic_model", _("Economic models")
        EVENTS = "events", _("Events")

    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    intro = models.CharField(_("introduction"), max_length=300)
    body = RichTextField(_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("topic"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
