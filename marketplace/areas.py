"""The Union's area tree: the province, its districts and their communes (pure data).

Where products come from, not where they are delivered. ``manage.py load_areas``
seeds it (marketplace/services/areas.py keeps areas staff have edited). The six
rural districts are named as they were before the 2025 reform, as the Union's
own organisation still is.
"""

from __future__ import annotations

from typing import TypedDict


class District(TypedDict):
    name: str
    communes: tuple[str, ...]


PROVINCE = {"name": "Ninh Bình", "name_en": "Ninh Binh"}

# --------------------------------------------------------------------------
# Administrative areas: 6 districts, 47 communes (8 + 8 + 8 + 8 + 8 + 7)
# --------------------------------------------------------------------------

# fmt: off
DISTRICTS: tuple[District, ...] = (
    {"name": "Gia Viễn", "communes": (
        "Gia Sinh", "Gia Hòa", "Gia Hưng", "Gia Lạc", "Gia Minh", "Gia Thanh", "Gia Vân",
        "Liên Sơn",
    )},
    {"name": "Hoa Lư", "communes": (
        "Trường Yên", "Ninh Hải", "Ninh Xuân", "Ninh Giang", "Ninh Thắng", "Ninh Vân",
        "Ninh Mỹ", "Ninh Hòa",
    )},
    {"name": "Nho Quan", "communes": (
        "Cúc Phương", "Kỳ Phú", "Phú Long", "Thạch Bình", "Văn Phương", "Quỳnh Lưu",
        "Gia Lâm", "Gia Tường",
    )},
    {"name": "Yên Khánh", "communes": (
        "Khánh An", "Khánh Cư", "Khánh Hòa", "Khánh Nhạc", "Khánh Thiện", "Khánh Thành",
        "Khánh Trung", "Khánh Hội",
    )},
    {"name": "Yên Mô", "communes": (
        "Yên Thành", "Mai Sơn", "Khánh Thượng", "Khánh Dương", "Yên Phong", "Yên Từ",
        "Yên Mạc", "Yên Đồng",
    )},
    {"name": "Kim Sơn", "communes": (
        "Kim Chính", "Kim Đông", "Lai Thành", "Kim Tân", "Kim Trung", "Quang Thiện", "Văn Hải",
    )},
)
# fmt: on
