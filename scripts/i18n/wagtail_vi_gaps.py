"""Which of Wagtail's admin messages still show in English on a Vietnamese page.

Wagtail ships one catalogue per app (wagtail/admin/locale/, wagtail/locale/,
wagtail/images/locale/ ...). Its Vietnamese files are about a fifth complete, and many
msgids are missing from them altogether, so the source of truth is each app's `en`
catalogue. The project fills the gaps in locale_vendor_wagtail/vi/LC_MESSAGES/django.po,
a third LOCALE_PATHS entry, read after locale/ and locale_vendor/ (Oscar's supplement)
and before every app's own catalogue.

Django merges every "django" catalogue into one lookup, so one English msgid gets one
Vietnamese text everywhere. A Wagtail gap that the project's locale/, Oscar's supplement
or Oscar's own vi catalogue already translates is therefore *not* put here: it already
reads in Vietnamese, and a second, different translation would either never show
(locale/ and locale_vendor/ come first) or silently change Oscar's shop pages (Oscar's
apps come after LOCALE_PATHS). The script counts them as "covered by".

The supplement also holds a short, explicit list of OVERRIDES: messages that Wagtail's
catalogue (or Oscar's, which outranks Wagtail's for a shared msgid) translates wrongly or
leaves in English. Each carries its reason; an override changes that msgid everywhere.

    .venv/bin/python scripts/i18n/wagtail_vi_gaps.py            # list gaps per app; exit 1 if
        # a gap is left in an app not in INCOMPLETE_APPS
    .venv/bin/python scripts/i18n/wagtail_vi_gaps.py --update   # add the gaps (empty) to the
        # supplement and drop entries Wagtail no longer has or now translates itself
    # ... translate the new entries, then:
    .venv/bin/python scripts/i18n/wagtail_vi_gaps.py --compile  # msgfmt --check, writes the .mo

The admin's JavaScript strings (the "djangojs" domain, served by /cms/jsi18n/ from
wagtail.admin's catalogue and LOCALE_PATHS) get the same treatment in
locale_vendor_wagtail/vi/LC_MESSAGES/djangojs.po; no other catalogue shares that lookup.

tests/unit/test_locale_wagtail.py fails while a gap is left in a completed app.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import wagtail
from babel.messages.catalog import Catalog, Message

sys.path.insert(0, str(Path(__file__).resolve().parent))
import oscar_vi_gaps as common
from oscar_vi_gaps import Key, is_translated, load, messages, save, strings

ROOT = common.ROOT
WAGTAIL_DIR = Path(wagtail.__file__).parent
SUPPLEMENT_PO = ROOT / "locale_vendor_wagtail" / "vi" / "LC_MESSAGES" / "django.po"
JS_SUPPLEMENT_PO = SUPPLEMENT_PO.with_name("djangojs.po")
JS_APPS = ["wagtail.admin"]  # the packages wagtail.admin's JavaScriptCatalog serves
# Catalogues that outrank this supplement or that it would override on Oscar's pages.
PROJECT_PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
COVERING = {
    "project locale/": PROJECT_PO,
    "Oscar supplement": common.SUPPLEMENT_PO,
    "Oscar": common.OSCAR_PO,
}

# The Wagtail apps in config/settings/wagtail.py, in the order their gaps are filled
# (what Union staff see most first). The supplement file follows this order.
APPS = [
    "wagtail.admin",
    "wagtail",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail.contrib.forms",
    "wagtail.embeds",
    "wagtail.search",
    "wagtail.sites",
    "wagtail.contrib.redirects",
]
# Apps whose gaps are not all translated yet: the tests tolerate their remaining gaps.
# Remove an app from this list once `wagtail_vi_gaps.py` reports 0 missing for it.
INCOMPLETE_APPS: list[str] = []

# Upstream translations the supplement corrects, with the reason. The Vietnamese is in the
# supplement file like every other entry; these keys are never "stale" there, and they are
# the only entries whose Vietnamese differs from what Django would show without the file.
OVERRIDES: dict[Key, str] = {
    (
        None,
        "Unpublish",
    ): "Wagtail's vi says 'Thu hồi xuất bản'; the project's term is 'huỷ xuất bản'",
    (None, "Unpublished"): "Wagtail's vi says 'Đã thu hồi xuất bản'; see Unpublish",
    (None, "Username"): "Wagtail's vi catalogue leaves it in English",
    (None, "Users"): "Oscar's 'Người sử dụng ' (trailing space) shadows Wagtail's 'Người dùng'",
    (None, "Undo"): "Oscar's 'Hủy bỏ' reads as Cancel next to Wagtail's Cancel",
    (None, "Visibility"): "Oscar's 'Tầm nhìn' means 'eyesight, vision'",
    (None, "File"): "Oscar's 'Thư mục ' means 'folder'",
    (None, "Actions"): "Oscar's 'Hoạt động ' means 'activities'; buttons are 'thao tác'",
    (None, "Admin"): "Oscar's vi leaves it in English",
    (None, "Restart workflow "): "shown as 'luồng công việc'; the project's term is "
    "'quy trình duyệt'",
    # Wagtail gaps that Django's own catalogues translate wrongly for Wagtail's models
    # (and for Django's admin): filling them changes Django's wording too.
    (None, "log entry"): "Django's 'đăng nhập' means 'log in'",
    (None, "log entries"): "Django's 'mục đăng nhập' means 'login entries'",
    (None, "permission"): "Django's 'cho phép' means 'allow'",
    # Wagtail's vi glues the placeholder to the next word.
    (None, "%(label)s and Publish"): "Wagtail's vi reads 'Duyệtvà Xuất bản' (no space)",
    (None, "Enter your %(username_field_name)s"): "Wagtail's vi reads 'Nhập Tên đăng nhậpcủa "
    "bạn' (no space)",
}

# {name} placeholders of str.format() strings, besides common's %-placeholders.
BRACE = re.compile(r"\{\w*(?:![rsa])?(?::[^{}]*)?\}")

HEADER = """\
# Vietnamese for the Wagtail admin messages that Wagtail's own vi catalogues leave
# untranslated, fuzzy or out altogether. Refresh at every Wagtail upgrade with
# scripts/i18n/wagtail_vi_gaps.py --update, translate, then --compile.
#"""


def app_locale(app: str, language: str, domain: str = "django") -> Path:
    parts = app.split(".")[1:]
    return WAGTAIL_DIR.joinpath(*parts, "locale", language, "LC_MESSAGES", f"{domain}.po")


def gaps_between(source: Catalog, vietnamese: Catalog | None) -> dict[Key, Message]:
    """Source msgids the Vietnamese catalogue leaves empty, fuzzy or out altogether."""
    theirs = messages(vietnamese) if vietnamese is not None else {}
    return {
        k: m for k, m in messages(source).items() if k not in theirs or not is_translated(theirs[k])
    }


def app_gaps(app: str) -> dict[Key, Message]:
    """The app's English msgids its Vietnamese catalogue leaves empty, fuzzy or out."""
    vi_path = app_locale(app, "vi")
    return gaps_between(load(app_locale(app, "en")), load(vi_path) if vi_path.exists() else None)


def js_gaps() -> dict[str, dict[Key, Message]]:
    """Per app, the admin JavaScript msgids Wagtail's vi djangojs catalogue leaves open."""
    result = {}
    for app in JS_APPS:
        vi_path = app_locale(app, "vi", "djangojs")
        result[app] = gaps_between(
            load(app_locale(app, "en", "djangojs")), load(vi_path) if vi_path.exists() else None
        )
    return result


def override_sources(apps: list[str] = APPS) -> dict[Key, Message]:
    """The Wagtail source message of each OVERRIDES key Wagtail still has."""
    found: dict[Key, Message] = {}
    for app in apps:
        for k, message in messages(load(app_locale(app, "en"))).items():
            if k in OVERRIDES:
                found.setdefault(k, message)
    return found


def covered() -> dict[Key, str]:
    """Messages another catalogue already translates, with the catalogue's name."""
    found: dict[Key, str] = {}
    for name, path in COVERING.items():
        for k, message in messages(load(path)).items():
            if is_translated(message):
                found.setdefault(k, name)
    return found


def wagtail_gaps(apps: list[str] = APPS) -> dict[str, dict[Key, Message]]:
    """Per app, in APPS order, the gaps this supplement must fill (each msgid once)."""
    elsewhere = covered()
    seen: set[Key] = set()
    result: dict[str, dict[Key, Message]] = {}
    for app in apps:
        gaps = {k: m for k, m in app_gaps(app).items() if k not in elsewhere and k not in seen}
        seen |= gaps.keys()
        result[app] = gaps
    return result


def all_gaps(per_app: dict[str, dict[Key, Message]]) -> dict[Key, Message]:
    return {k: m for gaps in per_app.values() for k, m in gaps.items()}


def missing(gaps: dict[Key, Message], supplement: Catalog) -> list[Message]:
    ours = messages(supplement)
    return [m for k, m in gaps.items() if k not in ours or not is_translated(ours[k])]


def stale(
    gaps: dict[Key, Message], supplement: Catalog, extra: dict[Key, Message] | None = None
) -> list[Message]:
    """Supplement entries that are neither a Wagtail gap nor an override Wagtail still has."""
    wanted = gaps.keys() | (override_sources() if extra is None else extra).keys()
    return [message for k, message in messages(supplement).items() if k not in wanted]


def placeholder_mismatches(message: Message) -> list[str]:
    """Translations whose %-placeholders or {name} placeholders differ from the msgid's."""
    wrong = common.placeholder_mismatches(message)
    # Wagtail formats some messages with str.format() without flagging them.
    wanted = Counter(BRACE.findall(strings(message.id)[-1]))
    if wanted:
        wrong += [
            text
            for text in strings(message.string)
            if text and Counter(BRACE.findall(text)) != wanted and text not in wrong
        ]
    return wrong


def update(
    per_app: dict[str, dict[Key, Message]],
    supplement: Catalog,
    extra: dict[Key, Message] | None = None,
    domain: str = "django",
) -> Catalog:
    """The supplement with the current gaps (and `extra`, by default the OVERRIDES):
    translations kept, new entries empty."""
    ours = messages(supplement)
    refreshed = Catalog(
        locale="vi",
        domain=domain,
        project="Wagtail (Vietnamese supplement)",
        version=wagtail.__version__,
        creation_date=supplement.creation_date,
        header_comment=HEADER,
        last_translator="Ninh Bình marketplace",
        language_team="Vietnamese",
        revision_date=datetime.now(UTC),
        fuzzy=False,
    )
    sections = [*per_app.items(), ("overrides", override_sources() if extra is None else extra)]
    for app, gaps in sections:
        prefix = app.replace(".", "/")
        for k, theirs in gaps.items():
            if k in refreshed:
                continue
            kept = ours.get(k)
            plural = isinstance(theirs.id, tuple)
            string = kept.string if kept is not None else (("",) if plural else "")
            if plural and not isinstance(string, tuple):
                string = (string,)
            if plural:
                string = tuple(string[:1])  # Vietnamese has one plural form
            refreshed.add(
                theirs.id,
                string,
                locations=[(f"{prefix}/{filename}", None) for filename, _line in theirs.locations][
                    :3
                ],
                flags=(set(kept.flags) if kept is not None else set())
                | (set(theirs.flags) - {"fuzzy"}),
                context=theirs.context,
            )
    return refreshed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="refresh the supplement's entries")
    parser.add_argument("--compile", action="store_true", help="check and compile the .mo file")
    args = parser.parse_args(argv)

    per_app = wagtail_gaps()
    supplement = load(SUPPLEMENT_PO) if SUPPLEMENT_PO.exists() else Catalog(locale="vi")
    if args.update:
        supplement = update(per_app, supplement)
        save(supplement, SUPPLEMENT_PO)
    per_app_js = js_gaps()
    js_supplement = load(JS_SUPPLEMENT_PO) if JS_SUPPLEMENT_PO.exists() else Catalog(locale="vi")
    if args.update:
        js_supplement = update(per_app_js, js_supplement, extra={}, domain="djangojs")
        save(js_supplement, JS_SUPPLEMENT_PO)
    if args.compile:
        common.compile_mo(SUPPLEMENT_PO)
        common.compile_mo(JS_SUPPLEMENT_PO)

    failing = False
    for app, gaps in per_app.items():
        left = missing(gaps, supplement)
        if app not in INCOMPLETE_APPS:
            failing |= bool(left)
            for message in left:
                context = f"[{message.context}] " if message.context else ""
                print(f"missing ({app}): {context}{strings(message.id)[0]!r}")
        print(f"{app}: {len(gaps)} gaps, {len(gaps) - len(left)} translated, {len(left)} left")
    ours = messages(supplement)
    for k in override_sources():
        if k not in ours or not is_translated(ours[k]):
            failing = True
            print(f"override not translated: {k[1]!r}")
    elsewhere = covered()
    shared = [k for app in APPS for k in app_gaps(app) if k in elsewhere]
    for name in COVERING:
        count = len({k for k in shared if elsewhere[k] == name})
        print(f"covered by {name}: {count}")
    for message in stale(all_gaps(per_app), supplement):
        print(f"stale (not a Wagtail gap any more): {strings(message.id)[0]!r}")
    for app, gaps in per_app_js.items():
        left = missing(gaps, js_supplement)
        failing |= bool(left)
        for message in left:
            print(f"missing ({app}, JavaScript): {strings(message.id)[0]!r}")
        print(f"{app} JavaScript: {len(gaps)} gaps, {len(gaps) - len(left)} translated")
    for message in stale(all_gaps(per_app_js), js_supplement, extra={}):
        print(f"stale (not a Wagtail JavaScript gap any more): {strings(message.id)[0]!r}")
    wrong = [
        m
        for catalogue in (supplement, js_supplement)
        for m in messages(catalogue).values()
        if placeholder_mismatches(m)
    ]
    for message in wrong:
        print(f"placeholders differ: {strings(message.id)[0]!r}")
    print(
        f"Wagtail {wagtail.__version__}: {len(all_gaps(per_app))} gaps, "
        f"{len(messages(supplement))} in the supplement.",
        file=sys.stderr,
    )
    return 1 if failing or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
