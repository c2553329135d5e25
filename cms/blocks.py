"""The shared block library: every StreamField on the Union's pages draws from here.

Keep class names and child names stable: StreamField migrations name each
block by its import path and child names, so renaming one breaks the
migrations that already name it (Wagtail's StreamField migrations docs).
Blocks that show live data (collections, stories, news, contests) query in
``get_context`` with a fixed number of queries whatever the content size.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.choosers import vendor_chooser_viewset
from marketplace.selectors import vendors_public

# Editors format text; they never write markup. Wagtail's rich text editor
# keeps only these features and rewrites links through its URL whitelist, so
# neither <script> nor javascript: links survive saving.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]

VendorChooserBlock = vendor_chooser_viewset.get_block_class(
    name="VendorChooserBlock", module_path="cms.blocks"
)


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "cms/blocks/rich_text.html"


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=160, label=_("heading"))
    heading_en = blocks.CharBlock(
        required=False,
        max_length=160,
        label=_("heading in English"),
        help_text=_("Shown on English pages; leave blank to show the Vietnamese heading."),
    )
    text = blocks.TextBlock(required=False, label=_("text"))
    text_en = blocks.TextBlock(required=False, label=_("text in English"))
    image = ImageBlock(required=False, label=_("image"))
    link_text = blocks.CharBlock(required=False, max_length=60, label=_("button text"))
    link_text_en = blocks.CharBlock(
        required=False, max_length=60, label=_("button text in English")
    )
    link_page = blocks.PageChooserBlock(required=False, label=_("button page"))
    link_url = blocks.URLBlock(required=False, label=_("button address"))

    class Meta:
        icon = "image"
        label = _("Hero")
        template = "cms/blocks/hero.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class EmbedOrLinkBlock(blocks.URLBlock):
    """A video or post from Facebook, YouTube...; a plain link when it cannot be embedded.

    Wagtail's own EmbedBlock refuses to save a URL its finders cannot embed at
    that moment and renders nothing when embedding fails later; a livestream
    replay must stay reachable either way.
    """

    def clean(self, value):
        value = super().clean(value)
        if value and not value.lower().startswith(("https://", "http://")):
            raise ValidationError(_("Enter a web address starting with https://."))
        return value

    class Meta:
        icon = "media"
        label = _("Video or post")
        template = "cms/blocks/embed.html"


class ProductCollectionBlock(blocks.StructBlock):
    collection = SnippetChooserBlock("cms.ProductCollection", label=_("collection"))
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    heading_en = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("heading in English"),
        help_text=_("Shown on English pages; leave blank to show the Vietnamese heading."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Product collection")
        template = "cms/blocks/product_collection.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        collection = value.get("collection")
        products = []
        if collection is not None and collection.is_live():
            products = list(collection.products_for_sale())
        context["collection"] = collection
        context["products"] = products
        return context


class FeaturedCooperativesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    heading_en = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("heading in English"),
        help_text=_("Shown on English pages; leave blank to show the Vietnamese heading."),
    )
    cooperatives = blocks.ListBlock(VendorChooserBlock(), label=_("cooperatives"))

    class Meta:
        icon = "group"
        label = _("Featured cooperatives")
        template = "cms/blocks/featured_cooperatives.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        wanted = [vendor.pk for vendor in value.get("cooperatives") or [] if vendor is not None]
        public = {vendor.pk: vendor for vendor in vendors_public().filter(pk__in=wanted)}
        context["vendors"] = [public[pk] for pk in wanted if pk in public]
        return context


class LatestStoriesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    heading_en = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("heading in English"),
        help_text=_("Shown on English pages; leave blank to show the Vietnamese heading."),
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12, label=_("how many"))

    class Meta:
        icon = "user"
        label = _("Latest stories")
        template = "cms/blocks/latest_stories.html"

    def get_context(self, value, parent_context=None):
        # cms.models imports this module to declare its StreamFields: a cycle at model loading.
        from cms.selectors import stories_latest

        context = super().get_context(value, parent_context)
        context["stories"] = stories_latest(limit=value.get("count") or 3)
        return context


class LatestNewsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    heading_en = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("heading in English"),
        help_text=_("Shown on English pages; leave blank to show the Vietnamese heading."),
    )
    count = blocks.IntegerBlock(default=4, min_value=1, max_value=12, label=_("how many"))

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        template = "cms/blocks/latest_news.html"

    def get_context(self, value, parent_context=None):
        # cms.models imports this module to declare its StreamFields: a cycle at model loading.
        from cms.selectors import articles_latest

        context = super().get_context(value, parent_context)
        context["articles"] = articles_latest(limit=value.get("count") or 4)
        return context


class CurrentContestBlock(blocks.StructBlock):
    """The chosen contest, or else the live contest that closes soonest."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    heading_en = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("heading in English"),
        help_text=_("Shown on English pages; leave blank to show the Vietnamese heading."),
    )
    contest = blocks.PageChooserBlock(
        page_type="cms.ContestPage", required=False, label=_("contest")
    )

    class Meta:
        icon = "pick"
        label = _("Current contest")
        template = "cms/blocks/current_contest.html"

    def get_context(self, value, parent_context=None):
        # cms.models imports this module to declare its StreamFields: a cycle at model loading.
        from cms.models import ContestPage
        from cms.selectors import contest_current

        context = super().get_context(value, parent_context)
        chosen = value.get("contest")
        contest = None
        if chosen is not None:
            contest = ContestPage.objects.live().public().filter(pk=chosen.pk).first()
        context["contest"] = contest or contest_current(now=timezone.now())
        return context


class SafetyContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("who"))
    phone = blocks.CharBlock(max_length=20, label=_("phone"))
    note = blocks.CharBlock(required=False, max_length=160, label=_("when to call"))

    class Meta:
        icon = "mobile-alt"
        label = _("Contact")


class SafetyContactsBlock(blocks.StructBlock):
    """The national child protection hotline 111 (always shown) and the Union's own contacts."""

    contacts = blocks.ListBlock(SafetyContactBlock(), label=_("The Union's contacts"))

    class Meta:
        icon = "warning"
        label = _("Help for safety online")
        template = "cms/blocks/safety_contacts.html"


class BaseContentBlock(blocks.StreamBlock):
    paragraph = RichTextBlock(label=_("Text"))
    image = CaptionedImageBlock()
    embed = EmbedOrLinkBlock()
    quote = blocks.BlockQuoteBlock(label=_("Quote"), icon="openquote")


class StoryBodyBlock(BaseContentBlock):
    collection = ProductCollectionBlock()


class ContentPageBlock(BaseContentBlock):
    collection = ProductCollectionBlock()
    cooperatives = FeaturedCooperativesBlock()


class HomePageBlock(blocks.StreamBlock):
    hero = HeroBlock()
    collection = ProductCollectionBlock()
    cooperatives = FeaturedCooperativesBlock()
    stories = LatestStoriesBlock()
    news = LatestNewsBlock()
    contest = CurrentContestBlock()
    paragraph = RichTextBlock(label=_("Text"))


class QuizChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=250, label=_("answer"))
    correct = blocks.BooleanBlock(required=False, label=_("correct"))

    class Meta:
        icon = "tick"


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, label=_("question"))
    choices = blocks.ListBlock(QuizChoiceBlock(), min_num=2, label=_("answers"))

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark exactly one correct answer."))}
            )
        return value
