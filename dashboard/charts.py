"""Bar charts drawn as SVG on the server: geometry here, markup in
storefront_theme/dashboard/bar_chart.html (no script, readable without the picture:
a title, a description and the same figures in a table beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 360
HEIGHT = 180
LABEL_BAND = 22  # under the bars: the period's label
VALUE_BAND = 16  # over the tallest bar: its value


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value_text: str
    label_x: float
    axis_label: str  # under the bar; blank where labels would touch


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    bars: list[Bar]
    peak_text: str = ""  # the tallest bar's value, written over the plot
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> int:
        return self.height - LABEL_BAND


def bar_chart(
    *,
    title: str,
    description: str,
    points: list[tuple[str, Decimal | int, str]],
    axis_labels: list[str] | None = None,
) -> BarChart:
    """One bar per (label, value, value as text), scaled to the largest value.

    ``axis_labels`` (one per bar, the label by default) are written under the bars;
    a blank one leaves its bar unlabelled there, its tooltip still names it.
    """
    axis_labels = axis_labels or [label for label, _, _ in points]
    peak = max(points, key=lambda point: point[1], default=None)
    top = (peak[1] if peak else 0) or 1
    slot = WIDTH / max(len(points), 1)
    plot = HEIGHT - LABEL_BAND - VALUE_BAND
    bars = []
    for index, (label, value, value_text) in enumerate(points):
        height = round(float(value) / float(top) * plot, 1)
        x = round(index * slot + slot * 0.15, 1)
        bars.append(
            Bar(
                x=x,
                y=round(HEIGHT - LABEL_BAND - height, 1),
                width=round(slot * 0.7, 1),
                height=height,
                label=label,
                value_text=value_text,
                label_x=round(index * slot + slot / 2, 1),
                axis_label=axis_labels[index],
            )
        )
    peak_text = peak[2] if peak and peak[1] else ""
    return BarChart(title=title, description=description, bars=bars, peak_text=peak_text)
