"""The Union's pages, curated collections and contests.

Few page types drawing on one block library (``cms.blocks``); each states
where it may live with ``parent_page_types`` and ``subpage_types``.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms import blocks
from cms.choosers import ProductChooserWidget
from core.text import in_language, vn_slugify
from marketplace.selectors import product_cards, products_for_sale

# --------------------------------------------------------------------------
# Curated product collections (a snippet)
# --------------------------------------------------------------------------


class ProductCollectionQuerySet(models.QuerySet):
    def live(self, day: datetime.date | None = None):
        """Collections within their dates today (no start or no end means open)."""
        day = day or timezone.localdate()
        return self.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=day)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=day)
        )


class ProductCollection(ClusterableModel):
    """Products the Union's staff chose, placed on pages through a block."""

    title = models.CharField(_("title"), max_length=160)
    starts_on = models.DateField(_("shown from"), null=True, blank=True)
    ends_on = models.DateField(_("shown until"), null=True, blank=True)
    curator = models.CharField(
        _("curator"),
        max_length=120,
        blank=True,
        help_text=_("The person or committee of the Union who chose these products."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ProductCollectionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("curator"),
        InlinePanel("items", label=_("Products")),
    ]

    class Meta:
        verbose_name = _("product collection")
        verbose_name_plural = _("product collections")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="cms_collection_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date is before the start date.")})

    def is_live(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or self.ends_on >= day
        )

    def products_for_sale(self):
        """Its products a shopper may see, in the curator's order, as product cards."""
        position = ProductCollectionItem.objects.filter(
            collection=self, product=OuterRef("pk")
        ).values("sort_order")[:1]
        return product_cards(
            products_for_sale()
            .filter(collection_items__collection=self)
            .annotate(position=Subquery(position))
            .order_by("position", "pk")
        )


class ProductCollectionItem(Orderable):
    collection = ParentalKey(ProductCollection, related_name="items", on_delete=models.CASCADE)
    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("product"),
        related_name="collection_items",
        on_delete=models.CASCADE,
    )

    panels = [FieldPanel("product", widget=ProductChooserWidget)]

    class Meta(Orderable.Meta):
        verbose_name = _("collection product")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "product"], name="cms_collection_product_once"
            )
        ]


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------


class ReadableSlugMixin:
    """A page made in code without a slug gets its title's Vietnamese transliteration.

    Wagtail's default (Django's ``slugify``) drops đ: "nhận đơn" became "nhan-on".
    The admin's slug field does the same in the browser (``cms.widgets``).
    """

    def full_clean(self, *args, **kwargs):
        # Wagtail fills the slug once the parent is known, to keep it unique among siblings.
        if not self.slug and (self.path or getattr(self, "_cached_parent_obj", None)):
            base_slug = vn_slugify(self.title)
            if base_slug:
                self.slug = self._get_autogenerated_slug(base_slug)
        super().full_clean(*args, **kwargs)


def title_en_field() -> models.CharField:
    return models.CharField(
        _("title in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown on English pages; leave blank to show the Vietnamese title."),
    )


class EnglishTitle:
    """A page's optional English title (``title_en``), shown on English pages and in links.

    The Union writes in Vietnamese; a blank English title shows the Vietnamese one.
    """

    @property
    def display_title(self) -> str:
        return in_language(self.title, self.title_en)

    @property
    def display_seo_title(self) -> str:
        """The browser tab's title; the SEO title is Vietnamese, so English pages show title_en."""
        return in_language("", self.title_en) or self.seo_title or self.title


class HomePage(ReadableSlugMixin, EnglishTitle, Page):
    """The site root. Its sections are blocks; an empty body shows the default sections."""

    title_en = title_en_field()
    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_heading_en = models.CharField(
        _("hero heading in English"),
        max_length=160,
        blank=True,
        help_text=_("Shown on English pages; leave blank to show the Vietnamese heading."),
    )
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_text_en = models.TextField(
        _("hero text in English"),
        blank=True,
        help_text=_("Shown on English pages; leave blank to show the Vietnamese text."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=blocks.RICH_TEXT_FEATURES)
    body = StreamField(blocks.HomePageBlock(), blank=True, verbose_name=_("sections"))

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("hero_heading"),
        FieldPanel("hero_heading_en"),
        FieldPanel("hero_text"),
        FieldPanel("hero_text_en"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StoryIndexPage",
        "cms.NewsIndexPage",
        "cms.CampaignPage",
        "cms.ContestPage",
        "cms.ContentPage",
        "cms.GuideIndexPage",
        "union.JoinPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def display_hero_heading(self) -> str:
        return in_language(self.hero_heading, self.hero_heading_en)

    @property
    def display_hero_text(self) -> str:
        return in_language(self.hero_text, self.hero_text_en)

    def get_context(self, request, *args, **kwargs):
        # cms.selectors imports cms.models: a cycle while the app registry loads models.
        from cms.selectors import articles_latest, stories_latest

        context = super().get_context(request, *args, **kwargs)
        if not self.body:
            context["latest_products"] = product_cards(
                products_for_sale().order_by("-date_created", "-pk")
            )[:8]
            context["latest_stories"] = stories_latest(limit=3)
            context["latest_articles"] = articles_latest(limit=4)
        return context


class IndexPage(ReadableSlugMixin, EnglishTitle, Page):
    """A section page listing its live children, newest first, a page at a time."""

    title_en = title_en_field()
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("title_en"), FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    children_name = "children"
    children_ordering: tuple[str, ...] = ("-first_published_at",)
    per_page = 12

    class Meta:
        abstract = True

    def children_queryset(self, request):
        child_model = self.specific_class.allowed_subpage_models()[0]
        return child_model.objects.child_of(self).live().public().order_by(*self.children_ordering)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.children_queryset(request), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))  # bad numbers: first/last page
        context.update(
            {
                self.children_name: page_obj.object_list,
                "page_obj": page_obj,
                "paginator": paginator,
                "is_paginated": page_obj.has_other_pages(),
            }
        )
        return context


class StoryIndexPage(IndexPage):
    subpage_types = ["cms.StoryPage"]
    children_name = "stories"

    class Meta:
        verbose_name = _("story index")

    def children_queryset(self, request):
        return (
            super().children_queryset(request).select_related("portrait", "vendor__partner")
        ).prefetch_related("portrait__renditions")


class StoryPage(ReadableSlugMixin, Page):
    """One "Women on the digital transformation journey" story."""

    intro = models.CharField(_("introduction"), max_length=300)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    area = models.ForeignKey(
        "marketplace.AdministrativeArea",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    vendor = models.ForeignKey(
        "marketplace.Vendor",
        verbose_name=_("vendor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    body = StreamField(blocks.StoryBodyBlock(), verbose_name=_("body"))
    video_url = models.URLField(
        _("video"),
        blank=True,
        help_text=_("A livestream replay or video on Facebook or YouTube."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("portrait"),
        MultiFieldPanel([FieldPanel("vendor"), FieldPanel("area")], heading=_("Who and where")),
        InlinePanel("product_links", label=_("Products she makes")),
        FieldPanel("body"),
        FieldPanel("video_url"),
        InlinePanel("gallery_images", label=_("Gallery")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def products_for_sale(self):
        position = StoryProduct.objects.filter(page=self, product=OuterRef("pk")).values(
            "sort_order"
        )[:1]
        return product_cards(
            products_for_sale()
            .filter(story_links__page=self)
            .annotate(position=Subquery(position))
            .order_by("position", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = list(self.products_for_sale())
        context["gallery"] = list(
            self.gallery_images.select_related("image").prefetch_related("image__renditions")
        )
        return context


class StoryProduct(Orderable):
    page = ParentalKey(StoryPage, related_name="product_links", on_delete=models.CASCADE)
    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("product"),
        related_name="story_links",
        on_delete=models.CASCADE,
    )

    panels = [FieldPanel("product", widget=ProductChooserWidget)]


class StoryGalleryImage(Orderable):
    page = ParentalKey(StoryPage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class NewsIndexPage(IndexPage):
    safety_contacts = StreamField(
        [("contacts", blocks.SafetyContactsBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("help for safety online"),
        help_text=_(
            "Shown with the hotline 111 on the news about safety online and on each article of "
            "that topic."
        ),
    )

    content_panels = IndexPage.content_panels + [FieldPanel("safety_contacts")]
    subpage_types = ["cms.ArticlePage"]
    children_name = "articles"
    children_ordering = ("-date", "-pk")

    class Meta:
        verbose_name = _("news index")

    def children_queryset(self, request):
        articles = super().children_queryset(request)
        topic = request.GET.get("topic", "")
        if topic in ArticlePage.Topic.values:
            articles = articles.filter(topic=topic)
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topic = request.GET.get("topic", "")
        context["topics"] = ArticlePage.Topic.choices
        context["current_topic"] = topic if topic in ArticlePage.Topic.values else ""
        context["safety_help"] = topic == ArticlePage.Topic.ONLINE_SAFETY
        return context


class ArticlePage(ReadableSlugMixin, Page):
    class Topic(models.TextChoices):
        POLICY = "policy", _("Policy and law on women, children and gender equality")
        HOUSEHOLD_MODEL = "household_model", _('The "5 no, 3 clean" household model')
        ONLINE_SAFETY = "online_safety", _("Safety for women and children online")
        ECONOMIC_MODEL = "economic_model", _("Economic models")
        EVENTS = "events", _("Events")

    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    intro = models.CharField(_("introduction"), max_length=300)
    body = RichTextField(_("body"), features=blocks.RICH_TEXT_FEATURES)

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.topic == self.Topic.ONLINE_SAFETY:
            # Its news section's contacts, with the hotline 111 (cms/includes/safety_help.html).
            parent = self.get_parent().specific
            context["safety_help"] = True
            context["safety_index"] = parent if isinstance(parent, NewsIndexPage) else None
        return context


class CampaignPage(ReadableSlugMixin, Page):
    """A programme such as "Women on the digital transformation journey"."""

    intro = RichTextField(_("introduction"), features=blocks.RICH_TEXT_FEATURES)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    stories = ParentalManyToManyField(
        "cms.StoryPage", blank=True, related_name="campaigns", verbose_name=_("stories")
    )
    articles = ParentalManyToManyField(
        "cms.ArticlePage", blank=True, related_name="campaigns", verbose_name=_("articles")
    )
    collection = models.ForeignKey(
        ProductCollection,
        verbose_name=_("product collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("stories"),
        FieldPanel("articles"),
        FieldPanel("collection"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ContestPage"]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign_stories"] = (
            self.stories.live().public().order_by("-first_published_at").select_related("portrait")
        ).prefetch_related("portrait__renditions")
        context["campaign_articles"] = self.articles.live().public().order_by("-date", "-pk")
        collection = self.collection
        context["collection_products"] = (
            list(collection.products_for_sale())
            if collection is not None and collection.is_live()
            else []
        )
        return context


class ContentPage(ReadableSlugMixin, Page):
    """Standard pages: about, how to sell, delivery and returns, privacy."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(blocks.ContentPageBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


# --------------------------------------------------------------------------
# The selling guide ("Hướng dẫn bán hàng"): Union staff write, members read
# --------------------------------------------------------------------------


class GuideIndexPage(IndexPage):
    """The selling guide's section: its guides in the order staff arrange them."""

    intro_en = models.TextField(
        _("introduction in English"),
        blank=True,
        help_text=_("Shown on English pages; leave blank to show the Vietnamese text."),
    )

    content_panels = IndexPage.content_panels + [FieldPanel("intro_en")]
    subpage_types = ["cms.GuidePage"]
    children_name = "guides"
    children_ordering = ("path",)
    per_page = 50
    max_count = 1

    class Meta:
        verbose_name = _("selling guide")

    @property
    def display_intro(self) -> str:
        return in_language(self.intro, self.intro_en)


class GuidePage(ReadableSlugMixin, EnglishTitle, Page):
    """One guide for cooperative members: photographing, pricing, packing, OCOP.

    ``topic`` gives each guide a fixed address, /help/selling/<topic>/
    (``cms.views.selling_guide_topic``), that the member's pages and form
    fields link to whatever slug the page is given.
    """

    class Topic(models.TextChoices):
        PHOTOS = "photos", _("Photographing a product")
        PRICING = "pricing", _("Pricing a product")
        PACKING = "packing", _("Packing and shipping")
        OCOP = "ocop", _("What OCOP needs")
        OTHER = "other", _("Other")

    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=Topic.choices,
        default=Topic.OTHER,
        help_text=_("Members' pages link to the guide of each topic."),
    )
    title_en = title_en_field()
    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    intro_en = models.CharField(_("introduction in English"), max_length=300, blank=True)
    body = RichTextField(_("body"), features=blocks.RICH_TEXT_FEATURES)
    body_en = RichTextField(
        _("body in English"),
        features=blocks.RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown on English pages; leave blank to show the Vietnamese text."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("title_en"),
        FieldPanel("intro"),
        FieldPanel("intro_en"),
        FieldPanel("body"),
        FieldPanel("body_en"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("selling guide page")
        verbose_name_plural = _("selling guide pages")

    @property
    def display_intro(self) -> str:
        return in_language(self.intro, self.intro_en)

    @property
    def display_body(self) -> str:
        return in_language(self.body, self.body_en)


# --------------------------------------------------------------------------
# Contests
# --------------------------------------------------------------------------


class ContestPage(ReadableSlugMixin, RoutablePageMixin, Page):
    """A photo contest with votes, or a quiz; the rules live in ``cms.services``."""

    class Kind(models.TextChoices):
        ENTRIES = "entries", _("Photo entries and votes")
        QUIZ = "quiz", _("Quiz")

    kind = models.CharField(_("form"), max_length=10, choices=Kind.choices)
    intro = models.CharField(_("introduction"), max_length=300)
    rules = RichTextField(_("rules"), blank=True, features=blocks.RICH_TEXT_FEATURES)
    starts_at = models.DateTimeField(_("opens"))
    ends_at = models.DateTimeField(_("closes"))
    voting_starts_at = models.DateTimeField(
        _("voting opens"), null=True, blank=True, help_text=_("Empty: when the contest opens.")
    )
    voting_ends_at = models.DateTimeField(
        _("voting closes"), null=True, blank=True, help_text=_("Empty: when the contest closes.")
    )
    votes_per_user = models.PositiveSmallIntegerField(
        _("votes per person"),
        null=True,
        blank=True,
        help_text=_("Empty: one vote for each entry she likes."),
    )
    results_visible = models.BooleanField(_("show the results"), default=False)
    questions = StreamField(
        [("question", blocks.QuizQuestionBlock())], blank=True, verbose_name=_("quiz questions")
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("rules"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("voting_starts_at"), FieldPanel("voting_ends_at")]),
                FieldPanel("votes_per_user"),
            ],
            heading=_("Votes (photo contests)"),
        ),
        FieldPanel("questions"),
        FieldPanel("results_visible"),
    ]
    parent_page_types = ["cms.HomePage", "cms.CampaignPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="cms_contest_ends_after_start"
            )
        ]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The contest must close after it opens.")})
        if self.kind == self.Kind.QUIZ and not self.questions:
            raise ValidationError({"questions": _("A quiz needs at least one question.")})

    # -- windows --------------------------------------------------------
    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at

    def voting_window(self) -> tuple[datetime.datetime, datetime.datetime]:
        return (self.voting_starts_at or self.starts_at, self.voting_ends_at or self.ends_at)

    def is_voting_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        opens, closes = self.voting_window()
        return opens <= now < closes

    # -- views ------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from cms import views  # cms.views imports cms.models: app-loading cycle

        return views.contest_page_context(
            self, request, super().get_context(request, *args, **kwargs)
        )

    # The POSTs are handled in cms.views (the rules in cms.services): each route hands over.
    @path("")
    def contest_view(self, request):
        return self.render(request)

    @path("enter/")
    def entry_submit_view(self, request):
        from cms import views  # cms.views imports cms.models: app-loading cycle

        return views.contest_entry_submit_view(request, self)

    @path("vote/<int:entry_id>/")
    def vote_view(self, request, entry_id: int):
        from cms import views  # cms.views imports cms.models: app-loading cycle

        return views.contest_vote_view(request, self, entry_id)

    @path("quiz/")
    def quiz_submit_view(self, request):
        from cms import views  # cms.views imports cms.models: app-loading cycle

        return views.contest_quiz_submit_view(request, self)


class ContestEntry(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    contest = models.ForeignKey(
        ContestPage, verbose_name=_("contest"), on_delete=models.CASCADE, related_name="entries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entrant"),
        on_delete=models.CASCADE,
        related_name="contest_entries",
    )
    image = models.ImageField(_("photo"), upload_to="contests/%Y/%m/")
    caption = models.CharField(_("caption"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    panels = [FieldPanel("status"), FieldPanel("caption")]

    class Meta:
        verbose_name = _("contest entry")
        verbose_name_plural = _("contest entries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "user"], name="cms_one_entry_per_contest")
        ]

    def __str__(self) -> str:
        return self.caption


class ContestVote(models.Model):
    contest = models.ForeignKey(ContestPage, on_delete=models.CASCADE, related_name="votes")
    entry = models.ForeignKey(ContestEntry, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contest_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contest vote")
        verbose_name_plural = _("contest votes")
        constraints = [
            models.UniqueConstraint(fields=["entry", "user"], name="cms_one_vote_per_entry")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.entry_id}"


class QuizAttempt(models.Model):
    contest = models.ForeignKey(ContestPage, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    score = models.PositiveSmallIntegerField(_("score"))
    total = models.PositiveSmallIntegerField(_("questions"))
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(_("taken"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(fields=["contest", "user"], name="cms_one_quiz_attempt")
        ]

    def __str__(self) -> str:
        return f"{self.score}/{self.total}"
