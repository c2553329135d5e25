import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_story_body_to_blocks")]

    operations = [
        migrations.AlterField(
            model_name="storypage",
            name="body",
            field=wagtail.fields.StreamField([('paragraph', 0), ('image', 3), ('embed', 4), ('quote', 5), ('collection', 8)], block_lookup={0: ('cms.blocks.RichTextBlock', (), {'label': 'Text'}), 1: ('wagtail.images.blocks.ImageBlock', [], {'label': 'image'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 250, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('image', 1), ('caption', 2)]], {}), 4: ('cms.blocks.EmbedOrLinkBlock', (), {}), 5: ('wagtail.blocks.BlockQuoteBlock', (), {'icon': 'openquote', 'label': 'Quote'}), 6: ('wagtail.snippets.blocks.SnippetChooserBlock', ('cms.ProductCollection',), {'label': 'collection'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('collection', 6), ('heading', 7)]], {})}, verbose_name='body'),
        ),
    ]
