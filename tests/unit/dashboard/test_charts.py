"""The server-drawn bar chart's geometry (dashboard/charts.py)."""

from decimal import Decimal

from dashboard.charts import HEIGHT, LABEL_BAND, VALUE_BAND, WIDTH, bar_chart


def test_bars_scale_to_the_largest_value_and_stand_on_the_baseline():
    chart = bar_chart(
        title="t",
        description="d",
        points=[("a", Decimal(0), "0"), ("b", Decimal(50), "50"), ("c", Decimal(100), "100")],
        axis_labels=["a", "", "c"],
    )
    plot = HEIGHT - LABEL_BAND - VALUE_BAND
    assert [bar.height for bar in chart.bars] == [0, plot / 2, plot]
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)
    assert chart.bars[-1].x + chart.bars[-1].width <= WIDTH
    assert [bar.axis_label for bar in chart.bars] == ["a", "", "c"]
    assert [bar.label for bar in chart.bars] == ["a", "b", "c"]  # tooltips name every bar
    assert chart.peak_text == "100"


def test_an_empty_period_draws_flat_bars_and_no_peak():
    chart = bar_chart(title="t", description="d", points=[("a", 0, "0"), ("b", 0, "0")])
    assert [bar.height for bar in chart.bars] == [0, 0] and chart.peak_text == ""
