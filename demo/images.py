"""Product pictures drawn with Pillow: distinct per product, no download."""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from core.text import strip_marks

SIZE = 480
PALETTE = [
    (181, 18, 62),
    (224, 122, 95),
    (61, 90, 128),
    (129, 178, 154),
    (242, 204, 143),
    (118, 74, 188),
    (42, 157, 143),
    (233, 196, 106),
    (244, 162, 97),
    (38, 70, 83),
]


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if len(candidate) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines[:4]


def product_image(*, code: str, title: str, image_format: str) -> bytes:
    """A square picture seeded by ``code``: background, shapes and the title."""
    seed = hashlib.sha256(code.encode()).digest()
    base = PALETTE[seed[0] % len(PALETTE)]
    accent = PALETTE[seed[1] % len(PALETTE)]
    image = Image.new("RGB", (SIZE, SIZE), base)
    draw = ImageDraw.Draw(image)
    for i in range(6):
        x, y = seed[2 + i] * SIZE // 255, seed[8 + i] * SIZE // 255
        radius = 30 + seed[14 + i] % 90
        colour = accent if i % 2 else tuple(min(255, c + 40) for c in base)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    draw.rectangle((0, SIZE - 170, SIZE, SIZE), fill=(255, 255, 255))
    # The built-in font has Latin letters only: draw the title without marks.
    ascii_title = strip_marks(title).encode("ascii", "replace").decode().replace("?", "-")
    for n, line in enumerate(_wrap(ascii_title, 24)):
        draw.text((20, SIZE - 160 + n * 34), line, fill=(34, 34, 34), font=_font(28))
    draw.text((20, 16), code, fill=(255, 255, 255), font=_font(22))
    buffer = io.BytesIO()
    if image_format == "WEBP":
        image.save(buffer, "WEBP", quality=75, method=0)
    else:
        image.save(buffer, "JPEG", quality=80, optimize=False)
    return buffer.getvalue()
