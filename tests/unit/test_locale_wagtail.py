"""Wagtail's admin in full Vietnamese: locale_vendor_wagtail/ fills every gap Wagtail's vi
catalogues leave, for every app listed in wagtail_vi_gaps.APPS except INCOMPLETE_APPS."""

import gettext
import importlib.util
import re
import shutil
import subprocess

import pytest
from babel.messages.catalog import Catalog
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from tests.unit.test_locale import ROOT

spec = importlib.util.spec_from_file_location(
    "wagtail_vi_gaps", ROOT / "scripts" / "i18n" / "wagtail_vi_gaps.py"
)
gaps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gaps)

COMPLETED = [app for app in gaps.APPS if app not in gaps.INCOMPLETE_APPS]

# Entries that read the same in Vietnamese: only placeholders, punctuation or product names.
SAME_IN_VIETNAMESE = {
    "%(range_start)s - %(range_end)s",
    "%(field_label)s:",
    "%(status_display)s %(task_name)s %(started_at)s",
    "%(related_model_name)s %(field_label)s",
    "Wagtail API v2",
    "Wagtail API v3",
}


@pytest.fixture(scope="module")
def per_app():
    return gaps.wagtail_gaps()


@pytest.fixture(scope="module")
def supplement():
    return gaps.load(gaps.SUPPLEMENT_PO)


def catalogue_key(key, plural):
    context, msgid = key
    lookup = f"{context}\x04{msgid}" if context else msgid
    return (lookup, 0) if plural else lookup


def test_the_admin_and_core_are_among_the_completed_apps():
    assert {"wagtail.admin", "wagtail"} <= set(COMPLETED)
    assert set(gaps.INCOMPLETE_APPS) <= set(gaps.APPS)


@pytest.mark.parametrize("app", COMPLETED)
def test_every_gap_of_a_completed_app_is_translated_by_the_supplement(app, per_app, supplement):
    missing = [gaps.strings(m.id)[0] for m in gaps.missing(per_app[app], supplement)]
    assert missing == [], "run scripts/i18n/wagtail_vi_gaps.py --update and translate"


def test_the_supplement_holds_only_wagtails_gaps_and_the_listed_overrides(per_app, supplement):
    # Fails when locale/ or Oscar starts translating a Wagtail gap (or Wagtail does):
    # run scripts/i18n/wagtail_vi_gaps.py --update to drop the entry.
    assert gaps.stale(gaps.all_gaps(per_app), supplement) == []
    wanted = gaps.all_gaps(per_app).keys() | gaps.override_sources().keys()
    assert gaps.messages(supplement).keys() == wanted
    # Every override still names a message Wagtail has.
    assert gaps.override_sources().keys() == gaps.OVERRIDES.keys()


def test_the_two_supplements_never_hold_the_same_message(supplement):
    oscar_supplement = gaps.load(gaps.common.SUPPLEMENT_PO)
    shared = gaps.messages(supplement).keys() & gaps.messages(oscar_supplement).keys()
    assert shared == set()


def test_placeholders_match_the_msgid(supplement):
    wrong = {
        gaps.strings(m.id)[0]: gaps.placeholder_mismatches(m)
        for m in gaps.messages(supplement).values()
        if gaps.placeholder_mismatches(m)
    }
    assert wrong == {}


def test_one_plural_form_and_no_english_left(supplement):
    assert supplement.plural_forms == "nplurals=1; plural=0;"
    for message in gaps.messages(supplement).values():
        assert len(gaps.strings(message.string)) == 1
        if gaps.strings(message.id)[0] not in SAME_IN_VIETNAMESE:
            assert gaps.strings(message.string)[0] not in gaps.strings(message.id), message.id


def test_the_glossary_holds(supplement):
    """Snippets are "mục dùng chung", never "đoạn mã"; unpublish is "huỷ xuất bản"."""
    for message in gaps.messages(supplement).values():
        vietnamese = gaps.strings(message.string)[0].lower()
        assert "đoạn mã" not in vietnamese, message.id
        assert "thu hồi xuất bản" not in vietnamese, message.id
        if re.search(r"\bunpublish(ing)?\b", gaps.strings(message.id)[0], re.IGNORECASE):
            assert "huỷ xuất bản" in vietnamese, message.id


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_msgfmt_accepts_the_supplement(tmp_path):
    subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(gaps.SUPPLEMENT_PO)],
        check=True,
        capture_output=True,
    )


def test_compiled_supplement_matches_the_po_file(supplement):
    with open(gaps.SUPPLEMENT_PO.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in gaps.messages(supplement).values():
        if isinstance(message.id, tuple):
            found = (
                compiled.npgettext(message.context, *message.id, 1)
                if message.context
                else compiled.ngettext(*message.id, 1)
            )
            assert found == message.string[0], message.id
        elif message.context:
            assert compiled.pgettext(message.context, message.id) == message.string, message.id
        else:
            assert compiled.gettext(message.id) == message.string, message.id


@pytest.mark.parametrize("app", COMPLETED)
def test_django_has_vietnamese_for_every_message_of_a_completed_app(app):
    """What Django actually merges (locale/, both supplements, every app) has them all."""
    merged = translation.trans_real.translation("vi")._catalog
    source = gaps.messages(gaps.load(gaps.app_locale(app, "en")))
    absent = [
        k[1]
        for k, message in source.items()
        if catalogue_key(k, isinstance(message.id, tuple)) not in merged
    ]
    assert absent == []


def test_every_entry_is_what_django_shows(supplement):
    """Nothing ranked above the supplement (locale/, Oscar's supplement) hides an entry."""
    merged = translation.trans_real.translation("vi")._catalog
    hidden = [
        k[1]
        for k, message in gaps.messages(supplement).items()
        if merged[catalogue_key(k, isinstance(message.id, tuple))]
        != gaps.strings(message.string)[0]
    ]
    assert hidden == []


def test_overrides_are_the_only_upstream_translations_the_supplement_changes(supplement):
    """Every other entry fills a real gap: without the supplement Django would show English
    (or the same Vietnamese), so Oscar's shop and Django's pages read as before."""
    without = [path for path in settings.LOCALE_PATHS if path != gaps.SUPPLEMENT_PO.parents[2]]
    assert len(without) == len(settings.LOCALE_PATHS) - 1
    with override_settings(LOCALE_PATHS=without):
        others = DjangoTranslation("vi")._catalog
        changed = set()
        for k, message in gaps.messages(supplement).items():
            lookup = catalogue_key(k, isinstance(message.id, tuple))
            if lookup in others and others[lookup] != gaps.strings(message.string)[0]:
                changed.add(k)
    # An override nobody needs any more (the catalogue below now agrees) leaves OVERRIDES.
    assert changed == set(gaps.OVERRIDES)


def test_django_reads_the_supplement_for_wagtails_strings():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Snippets") == "Mục dùng chung"
        assert translation.gettext("Unpublish") == "Huỷ xuất bản"
        assert translation.gettext("Visibility") == "Hiển thị"
        assert (
            translation.ngettext("Delete 1 page", "Delete %(counter)s pages", 3) % {"counter": 3}
            == "Xóa 3 trang"
        )
        assert (
            translation.gettext("<b>'{title}' is locked</b>.").format(title="Tin tức")
            == "<b>'Tin tức' đang bị khóa</b>."
        )
        # Strings Wagtail translated itself still come from Wagtail's catalogue.
        assert translation.gettext("Dashboard") == "Bảng điều khiển"


def test_a_message_missing_from_the_vietnamese_file_is_a_gap():
    english = Catalog(locale="en")
    english.add("Translated by Wagtail", "Translated by Wagtail")
    english.add("Left empty", "Left empty")
    english.add("Left fuzzy", "Left fuzzy")
    english.add("Not in the vi file at all", "Not in the vi file at all")
    english.add(("%(count)s page", "%(count)s pages"), ("", ""), flags={"python-format"})
    english.add("Title", "Title", context="Form field")
    vietnamese = Catalog(locale="vi")
    vietnamese.add("Translated by Wagtail", "Wagtail dịch rồi")
    vietnamese.add("Left empty", "")
    vietnamese.add("Left fuzzy", "Bản nháp", flags={"fuzzy"})
    vietnamese.add(("%(count)s page", "%(count)s pages"), ("%(count)s trang",))
    vietnamese.add("Title", "Tiêu đề")  # no context: does not fill the gap

    found = [(k[0], k[1]) for k in gaps.gaps_between(english, vietnamese)]
    assert found == [
        (None, "Left empty"),
        (None, "Left fuzzy"),
        (None, "Not in the vi file at all"),
        ("Form field", "Title"),
    ]
    assert len(gaps.gaps_between(english, None)) == 6


def test_a_changed_placeholder_is_reported():
    catalogue = Catalog(locale="vi")
    catalogue.add("Delete %(name)s?", "Xóa %(ten)s?", flags={"python-format"})
    catalogue.add("<b>'{title}' is locked</b>.", "<b>'{tieu_de}' đang bị khóa</b>.")
    catalogue.add("{model_name} '{title}'", "{model_name} '{title}'")
    catalogue.add(("%s page", "%s pages"), ("trang",), flags={"python-format"})
    wrong = [m.id for m in catalogue if m.id and gaps.placeholder_mismatches(m)]
    assert wrong == ["Delete %(name)s?", "<b>'{title}' is locked</b>.", ("%s page", "%s pages")]


def test_update_keeps_translations_adds_new_gaps_empty_and_keeps_one_plural_form():
    gap = Catalog(locale="en")
    gap.add("Kept", "Kept")
    gap.add("New in this Wagtail", "New in this Wagtail")
    gap.add(("%(count)s page", "%(count)s pages"), ("", ""), flags={"python-format"})
    per_app = {"wagtail.admin": gaps.messages(gap)}
    ours = Catalog(locale="vi")
    ours.add("Kept", "Giữ nguyên")
    ours.add("No longer a gap", "Bỏ đi")

    refreshed = gaps.messages(gaps.update(per_app, ours))
    strings = {k[1]: m.string for k, m in refreshed.items()}
    assert strings["Kept"] == "Giữ nguyên"
    assert strings["New in this Wagtail"] == ""
    assert strings["%(count)s page"] == ("",)
    assert "No longer a gap" not in strings


@pytest.fixture(scope="module")
def js_supplement():
    return gaps.load(gaps.JS_SUPPLEMENT_PO)


def test_every_admin_javascript_gap_is_translated(js_supplement):
    per_app = gaps.js_gaps()
    missing = [gaps.strings(m.id)[0] for m in gaps.missing(gaps.all_gaps(per_app), js_supplement)]
    assert missing == []
    assert gaps.stale(gaps.all_gaps(per_app), js_supplement, extra={}) == []


def test_admin_javascript_placeholders_plural_forms_and_no_english_left(js_supplement):
    assert js_supplement.plural_forms == "nplurals=1; plural=0;"
    for message in gaps.messages(js_supplement).values():
        assert gaps.placeholder_mismatches(message) == [], message.id
        assert len(gaps.strings(message.string)) == 1
        if not gaps.strings(message.id)[0].startswith("%(time_zone_option)s"):
            assert gaps.strings(message.string)[0] not in gaps.strings(message.id), message.id


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_msgfmt_accepts_the_javascript_supplement(tmp_path, js_supplement):
    subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "djangojs.mo"), str(gaps.JS_SUPPLEMENT_PO)],
        check=True,
        capture_output=True,
    )
    with open(gaps.JS_SUPPLEMENT_PO.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in gaps.messages(js_supplement).values():
        if isinstance(message.id, tuple):
            assert compiled.ngettext(*message.id, 1) == message.string[0], message.id
        else:
            assert compiled.gettext(message.id) == message.string, message.id
