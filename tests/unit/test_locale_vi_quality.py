"""No English and no known mistranslation left in the Vietnamese a shopper or staff reads.

The project ships three Vietnamese catalogues (locale/, Oscar's supplement in
locale_vendor/, Wagtail's in locale_vendor_wagtail/); Django merges them before Oscar's
and Wagtail's own. A sentence whose "Vietnamese" is still the English, or has no
Vietnamese letter at all, is a translation left undone. MISTRANSLATIONS lists wrong texts
shoppers met (mostly Oscar's own catalogue); the effective lookup must never give them.
"""

import re

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

from tests.unit.test_locale import ROOT
from tests.unit.test_locale_oscar import gaps as oscar_gaps

SHIPPED = [
    ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "locale_vendor" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "locale_vendor_wagtail" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "locale_vendor_wagtail" / "vi" / "LC_MESSAGES" / "djangojs.po",
]
VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
# Names that read the same in both languages.
SAME_IN_BOTH = {"Wagtail API v2", "Wagtail API v3"}

# (context, msgid, wrong Vietnamese): what Django gave before, and must never give again.
MISTRANSLATIONS = [
    (None, "Oops! We found some errors", "Oops! Chúng tôi tìm thấy vài lỗi"),
    (
        None,
        "I am a new customer and want to create an account before checking out",
        "Tôi là khách hàng mới và muốn tạo một tài khoản trước khi thoát ",
    ),
    (None, "next", "Kết tiếp"),
    (None, "In stock (%d available)", "Trong kho ( %d có sẵn)"),
    (None, "Shipped", "Shipped"),
    (None, "Account", "Số tài khoản"),
    (None, "Checkout", "Đơn thanh toán"),
    (None, "Checkout gateway", "Cổng thanh toán"),
    (None, "Get a password reminder", "Nhận một lời nhắc nhở mật khẩu"),
    (None, "cancel", "Thoát"),
    (None, "Add a new address", "Thêm sổ địa chỉ mới"),
    (None, "State/County", "Thành phố/Quốc gia"),
    (None, "Post/Zip-code", "Mã vùng"),
    (None, "Line", "dây "),
    (None, "Items to buy now", "Những vật phẩm để mua bây giờ"),
    (None, "Password reset", "Lập lại mật khẩu"),
    (None, "Wish Lists", "Danh sách mong muốn "),
    (None, "Add weight band", "."),
]
# Fragments that are wrong wherever they appear in our catalogues.
WRONG_FRAGMENTS = ["Oops", "trước khi thoát", "Kết tiếp", "( ", "có sẵn)"]


def shipped_messages():
    for path in SHIPPED:
        with open(path, "rb") as handle:
            for message in read_po(handle, locale="vi"):
                if message.id:
                    yield path, message


def strings(value):
    return list(value) if isinstance(value, (tuple, list)) else [value]


def words(text: str) -> list[str]:
    """The words of a message, without placeholders, tags and addresses."""
    text = re.sub(r"<[^>]+>|%\(\w+\)[-#0 +]*\d*[a-z]|%[a-z]|\{\w*\}|https?://\S+", " ", text)
    return re.findall(r"[^\W\d_]+", text)


def still_english(msgid: str, msgstr: str) -> bool:
    """A sentence (3 words or more) whose translation is the English or mostly its words."""
    if len(words(msgid)) < 3 or not msgstr or msgid in SAME_IN_BOTH:
        return False
    if msgstr.strip() == msgid.strip():
        return True
    if VIETNAMESE_LETTER.search(msgstr):
        return False
    english = {word.lower() for word in words(msgid)}
    found = words(msgstr)
    return not found or sum(word.lower() in english for word in found) * 2 > len(found)


def test_no_sentence_is_left_in_english_in_our_catalogues():
    left = [
        (str(path.relative_to(ROOT)), msgid)
        for path, message in shipped_messages()
        # Vietnamese has one plural form: its text is checked against the singular msgid.
        for msgid, msgstr in zip(strings(message.id), strings(message.string), strict=False)
        if still_english(msgid, msgstr)
    ]
    assert left == []


def test_no_sentence_reads_in_english_on_a_vietnamese_page():
    """Oscar's own catalogue too, as Django finds the text through every catalogue."""
    with translation.override("vi"):
        left = [
            message.id
            for message in oscar_gaps.load(oscar_gaps.OSCAR_PO)
            if message.id
            and not isinstance(message.id, tuple)
            and still_english(
                message.id,
                translation.pgettext(message.context, message.id)
                if message.context
                else translation.gettext(message.id),
            )
        ]
    assert left == []


@pytest.mark.parametrize(("context", "msgid", "wrong"), MISTRANSLATIONS)
def test_a_known_mistranslation_is_not_given(context, msgid, wrong):
    with translation.override("vi"):
        text = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
    assert text.strip() != wrong.strip()


def test_no_wrong_fragment_in_our_catalogues():
    found = [
        (message.id, fragment)
        for _path, message in shipped_messages()
        for text in strings(message.string)
        for fragment in WRONG_FRAGMENTS
        if fragment in text
    ]
    assert found == []


def test_the_heuristic_tells_english_from_vietnamese():
    assert still_english("Please choose a shipping method", "Please choose a shipping method")
    assert still_english("Oops! We found some errors", "Oops! We found errors")
    assert not still_english("Please choose a shipping method", "Vui lòng chọn cách giao hàng")
    assert not still_english("Watch the video", "Xem video")  # Vietnamese without diacritics
    assert not still_english("Basket", "Basket")  # a word, not a sentence
