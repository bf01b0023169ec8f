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
