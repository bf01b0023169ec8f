"""Charts: a tap near a point or a bar shows that value; taps far from any point show none."""

from PySide6.QtCore import QPointF

from kiosk.shell.theme import Scale
from widgets.common.charts import Series, TapChart


def test_tap_shows_the_nearest_value(qtbot):
    chart = TapChart(Scale(1920, 1080), lambda series, x, y: f"{series.name}: {y:.0f}")
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    chart.set_categories(["0대", "10대", "20대"])
    chart.add_bars(Series("인구", [(0, 5), (1, 12), (2, 30)]))
    chart.add_line(Series("예보", [(0, 4), (1, 10), (2, 25)], dashed=True))
    chart.show()
    qtbot.waitExposed(chart)

    assert chart.show_value_near(chart.point_position(1, 10)) == "예보: 10"
    assert chart.show_value_near(chart.point_position(2, 30)) == "인구: 30"
    assert chart.show_value_near(QPointF(-500, -500)) == ""
    assert chart.tapped == ""


def test_page_formatting_legend_chips_and_a_fixed_height(qtbot):
    scale = Scale(1920, 1080)
    chart = TapChart(scale, lambda series, x, y: f"{y:,.0f}명", height=200, fixed=True)
    qtbot.addWidget(chart)
    chart.set_y_format(lambda value: f"{value:,.0f}")
    chart.add_line(Series("최대", [(0, 34000), (1, 26000)], point_colors=["#0F9D58", "#C5221F"]))
    chart.add_line(Series("최소", [(0, 32000), (1, 24000)], color="#4B5563", dashed=True))
    assert chart.height() == 200 and chart.minimumHeight() == chart.maximumHeight()
    assert chart.getPlotItem().getAxis("left").tickStrings([5000.0, 35000.0], 1, 5000) == [
        "5,000",
        "35,000",
    ]
    assert chart.legend_entries() == [("최대", "#0B5FAE"), ("최소", "#4B5563")]
    chart.resize(900, 200)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.show_value_near(chart.point_position(1, 26000)) == "26,000명"
