"""Vietnamese first, English second: both catalogues complete and compiled."""

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]


def catalogue(language: str):
    with open(ROOT / "locale" / language / "LC_MESSAGES" / "django.po", "rb") as handle:
        return read_po(handle, locale=language)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_message_is_translated(language):
    untranslated = [
        message.id
        for message in catalogue(language)
        if message.id
        and (
            "fuzzy" in message.flags
            or not all(message.string if isinstance(message.string, tuple) else [message.string])
        )
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalogue_matches_the_po_file(language):
    mo = ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"
    with open(mo, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalogue(language):
        if message.id and not isinstance(message.id, tuple):
            found = (
                compiled.pgettext(message.context, message.id)
                if message.context
                else compiled.gettext(message.id)
            )
            assert found == message.string, message.id


def test_vietnamese_differs_from_english():
    vi = {m.id: m.string for m in catalogue("vi") if m.id and not isinstance(m.id, tuple)}
    assert vi["Search"] == "Tìm kiếm"
    same = [msgid for msgid, text in vi.items() if msgid == text]
    assert same == []
