import pytest

from core.text import fold, strip_marks, vn_slugify
from search.text import has_diacritics, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Cơm cháy chà bông", "com chay cha bong"),
        ("Đặc sản Ninh Bình", "dac san ninh binh"),
        ("ĐẶC SẢN", "dac san"),
        ("Thêu ren Văn Lâm – đẹp!", "theu ren van lam dep"),
        ("  gạo   nếp\tcái hoa vàng ", "gao nep cai hoa vang"),
        ("", ""),
    ],
)
def test_fold_removes_marks_and_maps_d_stroke(text, folded):
    assert fold(text) == folded


def test_strip_marks_keeps_case():
    assert strip_marks("Đông Sơn") == "Dong Son"


def test_vn_slugify_keeps_d_stroke_as_d():
    # Django's own slugify drops "đ" entirely ("ac-san").
    assert vn_slugify("Đặc sản Đông Sơn") == "dac-san-dong-son"


def test_tokens_are_folded_unique_and_bounded():
    assert tokens("Cơm CHÁY cơm") == ["com", "chay"]
    assert len(tokens(" ".join(f"w{i}" for i in range(50)))) == 10


@pytest.mark.parametrize(
    ("query", "expected"), [("cơm cháy", True), ("đ", True), ("com chay", False), ("", False)]
)
def test_has_diacritics(query, expected):
    assert has_diacritics(query) is expected
