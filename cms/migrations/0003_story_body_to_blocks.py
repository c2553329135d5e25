"""Story bodies were rich text; they become one paragraph block (pages and revisions).

Separate from the schema changes so PostgreSQL runs the data update and the
column type change in different transactions.
"""

import json
import uuid

from django.db import migrations


def rich_text_to_stream(apps, schema_editor):
    """Story bodies were rich text: each becomes one paragraph block, revisions too."""
    StoryPage = apps.get_model("cms", "StoryPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    def convert(html):
        if not html or str(html).lstrip().startswith("["):
            return html
        return json.dumps([{"type": "paragraph", "value": html, "id": str(uuid.uuid4())}])

    for page in StoryPage.objects.all():
        page.body = convert(page.body)
        page.save(update_fields=["body"])
    story_type = ContentType.objects.filter(app_label="cms", model="storypage").first()
    if story_type is None:
        return
    for revision in Revision.objects.filter(content_type=story_type):
        body = revision.content.get("body")
        if isinstance(body, str) and not body.lstrip().startswith("["):
            revision.content["body"] = convert(body)
            revision.save(update_fields=["content"])



class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_pages_collections_contests"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rich_text_to_stream, migrations.RunPython.noop)]
