"""Which of django-oscar's messages still show in English on a Vietnamese page.

Oscar ships a Vietnamese catalogue with gaps (mostly dashboard strings). The project
fills them in locale_vendor/vi/LC_MESSAGES/django.po, a second LOCALE_PATHS entry
that Django consults after the project's own locale/ and before Oscar's catalogue.
This script compares Oscar's installed catalogue with that supplement, so the
supplement can be refreshed at every Oscar upgrade. It also holds a short list of
OVERRIDES: Oscar's Vietnamese that a shopper would read as wrong or broken, each with
its reason (Django reads locale_vendor/ before Oscar's catalogue, so ours wins):

    .venv/bin/python scripts/i18n/oscar_vi_gaps.py            # list gaps; exit 1 if any
    .venv/bin/python scripts/i18n/oscar_vi_gaps.py --update   # add the gaps (empty) to the
        # supplement and drop entries Oscar no longer has or now translates itself
    # ... translate the new entries, then:
    .venv/bin/python scripts/i18n/oscar_vi_gaps.py --compile  # msgfmt --check, writes the .mo

tests/unit/test_locale_oscar.py fails while any gap is left.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import oscar
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
OSCAR_PO = Path(oscar.__file__).parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"
SUPPLEMENT_PO = ROOT / "locale_vendor" / "vi" / "LC_MESSAGES" / "django.po"

# Python-format placeholders: %s, %i, %(name)s, %.2f ... ("%%" is a literal percent sign).
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")

Key = tuple[str | None, str]

# Oscar's own Vietnamese that the supplement corrects, with the reason. The text is in the
# supplement file like every other entry; these keys are never "stale" there while Oscar has
# them. tests/unit/test_locale_vi_quality.py lists the wrong texts so they cannot come back.
OVERRIDES: dict[Key, str] = {
    (None, "Oops! We found some errors"): "'Oops!' left in English",
    (None, "please check the error messages below and try again"): "follows the line above",
    (None, "I am a new customer and want to create an account before checking out"): (
        "'trước khi thoát' means 'before quitting'"
    ),
    (None, "I am a new customer and want to checkout as a guest"): "'như là một' is word-for-word",
    (None, "I am a returning customer, and my password is"): "word-for-word",
    (None, "Get a password reminder"): "'lời nhắc nhở' is a scolding reminder",
    (None, "Checkout gateway"): "'Cổng thanh toán' is a payment gateway (a bank's service)",
    (None, "In stock (%d available)"): "'Trong kho ( 95 có sẵn)': stray space, word-for-word",
    (None, "next"): "'Kết tiếp' is not Vietnamese",
    (None, "previous"): "pairs with 'next'",
    (None, "cancel"): "'Thoát' means 'quit'",
    (None, "Add a new address"): "'Thêm sổ địa chỉ mới' adds an address book",
    (None, "State/County"): "'Thành phố/Quốc gia' means 'City/Country'",
    (None, "Post/Zip-code"): "'Mã vùng' is a telephone area code",
    (None, "Line"): "'dây' is a wire or a rope",
    (None, "Items to buy now"): "'vật phẩm' reads as game items",
    (None, "View basket"): "'Hiển thị' is a software verb; the header says 'Xem'",
    (None, "Password reset"): "Django's 'Lập lại' means 'repeat'",
    (None, "Notifications"): "'Những' plural and trailing space",
    (None, "Product Alerts"): "says 'the product's notices', not back-in-stock alerts",
    (None, "You do not have any active alerts for out-of-stock products."): "word-for-word",
    (None, "Wish Lists"): "'mong muốn' next to the product page's 'yêu thích'",
    (None, "Create a new wish list"): "see Wish Lists",
    (None, "You don't have any wish lists yet."): "says 'you have no favourites'",
    (None, "No weight bands have been added yet."): "Oscar's vi is a lone '.'",
    (None, "Add a new weight band"): "Oscar's vi is a lone '.'",
    (None, "Add weight band"): "Oscar's vi is a lone '.'",
    (None, "Number of weight bands"): "Oscar's vi is a lone '.'",
}

HEADER = """\
# Vietnamese for the django-oscar messages that Oscar's own vi catalogue leaves
# untranslated or fuzzy. Refresh at every Oscar upgrade with
# scripts/i18n/oscar_vi_gaps.py --update, translate, then --compile.
#"""


def load(path: Path) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale="vi")


def key(message: Message) -> Key:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return (message.context, msgid)


def strings(value: str | tuple | list) -> list[str]:
    return list(value) if isinstance(value, (tuple, list)) else [value]


def is_translated(message: Message) -> bool:
    return "fuzzy" not in message.flags and all(strings(message.string))


def messages(catalogue: Catalog) -> dict[Key, Message]:
    return {key(message): message for message in catalogue if message.id}


def placeholders(text: str) -> Counter:
    return Counter(match for match in PLACEHOLDER.findall(text) if match != "%%")


def placeholder_mismatches(message: Message) -> list[str]:
    """Translations whose python-format placeholders differ from the msgid's."""
    if "python-format" not in message.flags:
        return []
    wanted = placeholders(strings(message.id)[-1])
    return [text for text in strings(message.string) if text and placeholders(text) != wanted]


def oscar_gaps(oscar_catalogue: Catalog) -> dict[Key, Message]:
    """Oscar's own messages its Vietnamese catalogue leaves empty or fuzzy."""
    return {k: m for k, m in messages(oscar_catalogue).items() if not is_translated(m)}


def overridden(oscar_catalogue: Catalog) -> dict[Key, Message]:
    """Oscar's messages whose Vietnamese the supplement corrects (OVERRIDES Oscar still has)."""
    gaps = oscar_gaps(oscar_catalogue)
    return {k: m for k, m in messages(oscar_catalogue).items() if k in OVERRIDES and k not in gaps}


def missing(oscar_catalogue: Catalog, supplement: Catalog) -> list[Message]:
    """Oscar's gaps and overrides the supplement does not translate."""
    ours = messages(supplement)
    wanted = oscar_gaps(oscar_catalogue) | overridden(oscar_catalogue)
    return [message for k, message in wanted.items() if k not in ours or not is_translated(ours[k])]


def stale(oscar_catalogue: Catalog, supplement: Catalog) -> list[Message]:
    """Supplement entries Oscar no longer has, or now translates itself (and we do not correct)."""
    wanted = oscar_gaps(oscar_catalogue).keys() | overridden(oscar_catalogue).keys()
    return [message for k, message in messages(supplement).items() if k not in wanted]


def update(oscar_catalogue: Catalog, supplement: Catalog) -> Catalog:
    """The supplement with Oscar's current gaps: translations kept, new ones empty."""
    ours = messages(supplement)
    refreshed = Catalog(
        locale="vi",
        domain="django",
        project="django-oscar (Vietnamese supplement)",
        version=oscar.get_version(),
        creation_date=supplement.creation_date,
        header_comment=HEADER,
        last_translator="Ninh Bình marketplace",
        language_team="Vietnamese",
        revision_date=datetime.now(UTC),
        fuzzy=False,
    )
    wanted = oscar_gaps(oscar_catalogue) | overridden(oscar_catalogue)
    for k, theirs in wanted.items():  # Oscar's gaps in Oscar's file order, then the overrides
        kept = ours.get(k)
        plural = isinstance(theirs.id, tuple)
        string = kept.string if kept is not None else (("",) if plural else "")
        if plural and not isinstance(string, tuple):
            string = (string,)
        refreshed.add(
            theirs.id,
            string,
            locations=[(filename, None) for filename, _line in theirs.locations],
            flags=(set(kept.flags) if kept is not None else set())
            | (set(theirs.flags) - {"fuzzy"}),
            context=theirs.context,
        )
    return refreshed


def save(catalogue: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalogue, width=0, sort_output=False, include_previous=False)


def compile_mo(path: Path = SUPPLEMENT_PO) -> None:
    """Same tool and output as `manage.py compilemessages`, so `make messages` leaves no diff."""
    subprocess.run(["msgfmt", "--check", "-o", str(path.with_suffix(".mo")), str(path)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="refresh the supplement's entries")
    parser.add_argument("--compile", action="store_true", help="check and compile the .mo file")
    args = parser.parse_args(argv)

    oscar_catalogue = load(OSCAR_PO)
    supplement = load(SUPPLEMENT_PO) if SUPPLEMENT_PO.exists() else Catalog(locale="vi")
    if args.update:
        supplement = update(oscar_catalogue, supplement)
        save(supplement, SUPPLEMENT_PO)
    if args.compile:
        compile_mo()

    gaps = missing(oscar_catalogue, supplement)
    for message in gaps:
        context = f"[{message.context}] " if message.context else ""
        print(f"missing: {context}{strings(message.id)[0]!r}")
    for message in stale(oscar_catalogue, supplement):
        print(f"stale (not an Oscar gap any more): {strings(message.id)[0]!r}")
    wrong = [m for m in messages(supplement).values() if placeholder_mismatches(m)]
    for message in wrong:
        print(f"placeholders differ: {strings(message.id)[0]!r}")
    print(
        f"Oscar {oscar.get_version()}: {len(oscar_gaps(oscar_catalogue))} gaps in its vi "
        f"catalogue, {len(overridden(oscar_catalogue))} corrected, "
        f"{len(messages(supplement))} in the supplement, {len(gaps)} still missing.",
        file=sys.stderr,
    )
    return 1 if gaps or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
