"""Oscar's pages in full Vietnamese: locale_vendor/ fills every gap Oscar's vi catalogue leaves."""

import gettext
import importlib.util
import shutil
import subprocess

import pytest
from babel.messages.catalog import Catalog
from django.utils import translation

from tests.unit.test_locale import ROOT

spec = importlib.util.spec_from_file_location(
    "oscar_vi_gaps", ROOT / "scripts" / "i18n" / "oscar_vi_gaps.py"
)
gaps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gaps)


@pytest.fixture(scope="module")
def oscar_catalogue():
    return gaps.load(gaps.OSCAR_PO)


@pytest.fixture(scope="module")
def supplement():
    return gaps.load(gaps.SUPPLEMENT_PO)


def test_every_oscar_message_is_translated_by_oscar_or_by_the_supplement(
    oscar_catalogue, supplement
):
    missing = [gaps.strings(m.id)[0] for m in gaps.missing(oscar_catalogue, supplement)]
    assert missing == [], "run scripts/i18n/oscar_vi_gaps.py --update and translate"


def test_the_supplement_holds_only_oscars_gaps_and_corrections(oscar_catalogue, supplement):
    assert gaps.stale(oscar_catalogue, supplement) == []
    assert len(gaps.messages(supplement)) == len(gaps.oscar_gaps(oscar_catalogue)) + len(
        gaps.overridden(oscar_catalogue)
    )


def test_every_correction_names_a_message_oscar_translates(oscar_catalogue):
    assert set(gaps.overridden(oscar_catalogue)) == set(gaps.OVERRIDES)


def test_django_reads_the_corrections_before_oscars_catalogue():
    with translation.override("vi"):
        assert translation.gettext("Oops! We found some errors") == "Có thông tin cần sửa"
        assert translation.gettext("In stock (%d available)") % 95 == "Còn hàng (còn 95)"


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
        # Only the empty-choice dashes read the same in both languages.
        if message.id != "---------":
            assert gaps.strings(message.string)[0] not in gaps.strings(message.id)


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
                else (compiled.ngettext(*message.id, 1))
            )
            assert found == message.string[0], message.id
        elif message.context:
            assert compiled.pgettext(message.context, message.id) == message.string, message.id
        else:
            assert compiled.gettext(message.id) == message.string, message.id


def test_django_reads_the_supplement_for_oscars_strings():
    with translation.override("vi"):
        assert translation.gettext("Voucher Sets") == "Bộ phiếu giảm giá"
        assert translation.pgettext("Product attribute value", "Yes") == "Có"
        assert translation.ngettext("%s Option", "%s Options", 3) % 3 == "3 lựa chọn"
        # Strings Oscar translated itself still come from Oscar's catalogue.
        assert translation.gettext("Vouchers") == "Phiếu giảm giá"


def test_a_gap_left_open_is_reported():
    oscar = Catalog(locale="vi")
    oscar.add("Translated by Oscar", "Oscar dịch rồi")
    oscar.add("Left empty", "")
    oscar.add("Left fuzzy", "Bản nháp", flags={"fuzzy"})
    oscar.add("Filled by us", "")
    oscar.add("Yes", "", context="Product attribute value")
    ours = Catalog(locale="vi")
    ours.add("Filled by us", "Dự án đã dịch")
    ours.add("Yes", "Có")  # wrong context: does not fill the gap
    ours.add("Translated by Oscar", "Thừa")

    missing = [(m.context, m.id) for m in gaps.missing(oscar, ours)]
    assert missing == [
        (None, "Left empty"),
        (None, "Left fuzzy"),
        ("Product attribute value", "Yes"),
    ]
    assert {m.id for m in gaps.stale(oscar, ours)} == {"Yes", "Translated by Oscar"}


def test_a_changed_placeholder_is_reported():
    catalogue = Catalog(locale="vi")
    catalogue.add("Delete %(name)s?", "Xóa %(ten)s?", flags={"python-format"})
    catalogue.add("%i left", "còn %i", flags={"python-format"})
    catalogue.add(("%s Option", "%s Options"), ("lựa chọn",), flags={"python-format"})
    wrong = [m.id for m in catalogue if m.id and gaps.placeholder_mismatches(m)]
    assert wrong == ["Delete %(name)s?", ("%s Option", "%s Options")]


def test_update_keeps_corrections_and_reports_a_missing_one(monkeypatch):
    monkeypatch.setattr(gaps, "OVERRIDES", {(None, "Wrong upstream"): "reason", (None, "New"): "r"})
    oscar = Catalog(locale="vi")
    oscar.add("Wrong upstream", "Sai")
    oscar.add("New", "Cũng sai")
    oscar.add("Fine", "Đúng")
    ours = Catalog(locale="vi")
    ours.add("Wrong upstream", "Đúng rồi")

    refreshed = gaps.update(oscar, ours)
    assert {k[1]: m.string for k, m in gaps.messages(refreshed).items()} == {
        "Wrong upstream": "Đúng rồi",
        "New": "",
    }
    assert [m.id for m in gaps.missing(oscar, refreshed)] == ["New"]
    assert gaps.stale(oscar, refreshed) == []


def test_update_keeps_translations_and_adds_new_gaps_empty():
    oscar = Catalog(locale="vi")
    oscar.add("Kept", "")
    oscar.add("New in this Oscar", "")
    oscar.add("Now translated by Oscar", "Oscar dịch rồi")
    ours = Catalog(locale="vi")
    ours.add("Kept", "Giữ nguyên")
    ours.add("Now translated by Oscar", "Bản của dự án")

    refreshed = gaps.messages(gaps.update(oscar, ours))
    assert {k[1]: m.string for k, m in refreshed.items()} == {
        "Kept": "Giữ nguyên",
        "New in this Oscar": "",
    }
