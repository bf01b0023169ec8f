"""Charts for every page (pyqtgraph): readable from 1.5 m, labelled in the visitor's language,
and a tap on a point or a bar shows its value.

Pages describe a chart as plain data (``Series`` of ``(x, y)`` points, category or time axes)
and get back a widget; colours and fonts come from the live theme, so large text and high
contrast apply to charts too. Nothing here reads the cache."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.i18n import KST
from kiosk.shell.theme import PALETTE, Scale, readable

# Distinct on white and (through ``readable``) on black; the first is Seoul blue.
SERIES_COLORS = ("#0B5FAE", "#E8710A", "#0F9D58", "#C5221F", "#6D28D9", "#4B5563")


def hour_label(epoch: float) -> str:
    """An hour on a time axis ('19:00' reads the same in every language), Seoul time."""
    return datetime.fromtimestamp(epoch, KST).strftime("%H:%M")


@dataclass(frozen=True)
class Series:
    """One line or one set of bars: a name for the legend and its points."""

    name: str
    points: Sequence[tuple[float, float]]
    color: str = ""  # a theme colour; empty takes the next of SERIES_COLORS
    dashed: bool = False  # e.g. a target or a forecast
    point_colors: Sequence[str] = ()  # one per point (e.g. a congestion level); empty: color


def _pen_color(series: Series, index: int) -> str:
    return readable(series.color or SERIES_COLORS[index % len(SERIES_COLORS)])


class _ValueAxis(pg.AxisItem):
    """An axis whose tick labels a page formats (grouped thousands, a unit, a percent sign)."""

    def __init__(self, orientation: str):
        super().__init__(orientation)
        self.format: Callable[[float], str] | None = None

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.format is None:
            return super().tickStrings(values, scale, spacing)
        return [self.format(value) for value in values]


class TapChart(pg.PlotWidget):
    """A plot with big fonts; tapping near a point shows "label: value" above it.

    ``height`` is the least height, or with ``fixed`` the height; ``value_text(series, x, y)``
    formats what a tap shows (numbers and units through
    ``kiosk.i18n``). The last text shown stays in ``tapped`` for tests and guidance mode."""

    def __init__(
        self,
        scale: Scale,
        value_text: Callable[[Series, float, float], str],
        height: int = 360,
        parent: QWidget | None = None,
        fixed: bool = False,
    ):
        super().__init__(parent, background=PALETTE.surface, axisItems={"left": _ValueAxis("left")})
        self._scale = scale
        self._value_text = value_text
        self._series: list[Series] = []
        self.tapped: str = ""
        self.setMinimumHeight(scale.px(height))
        if fixed:  # exactly this tall (plus the larger axis text), never taking spare height
            self.setFixedHeight(scale.px(height) + 2 * (scale.text_px(22) - scale.px(22)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseEnabled(x=False, y=False)  # a kiosk chart never pans or zooms by touch
        self.setMenuEnabled(False)
        self.hideButtons()
        plot = self.getPlotItem()
        font = scale.font(22)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen(PALETTE.text)
            axis.setPen(PALETTE.muted)
            axis.setStyle(tickTextOffset=scale.px(10))
        plot.getAxis("bottom").setHeight(scale.text_px(22) + scale.px(30))
        plot.getAxis("left").setWidth(scale.text_px(22) * 4)
        plot.getViewBox().setDefaultPadding(0.12)  # room above the highest point for its value
        plot.showGrid(x=False, y=True, alpha=0.25)
        self._callout = pg.TextItem("", color=PALETTE.text, fill=PALETTE.surface, anchor=(0.5, 1.2))
        self._callout.setFont(scale.font(24, bold=True))
        self._callout.setZValue(10)
        self._callout.hide()
        plot.addItem(self._callout, ignoreBounds=True)

    def set_categories(self, labels: Sequence[str]) -> None:
        """Name the x positions 0..n-1 (ages, markets, hours)."""
        self.getPlotItem().getAxis("bottom").setTicks([list(enumerate(labels))])

    def set_y_format(self, format_value: Callable[[float], str]) -> None:
        """Write the y ticks with the page's own formatting ('35,000', '20%')."""
        axis = self.getPlotItem().getAxis("left")
        axis.format = format_value
        axis.picture = None  # drop the cached tick labels
        axis.update()

    def legend_entries(self) -> list[tuple[str, str]]:
        """(name, colour) of every series, for a legend a page lays out itself (as chips
        under the chart, where it never covers a point and guidance mode reads it)."""
        return [(series.name, _pen_color(series, i)) for i, series in enumerate(self._series)]

    def spoken_summary(self) -> str:
        """Every point's tap text once, in order: what voice guidance reads for the chart."""
        texts = (self._value_text(s, x, y) for s in self._series for x, y in s.points)
        return ", ".join(dict.fromkeys(texts))

    def set_y_label(self, text: str) -> None:
        axis = self.getPlotItem().getAxis("left")
        axis.setLabel(text, color=PALETTE.muted, **{"font-size": f"{self._scale.text_px(22)}px"})

    def add_legend(self) -> None:
        legend = self.getPlotItem().addLegend(offset=(10, 10), labelTextColor=PALETTE.text)
        legend.setLabelTextSize(f"{self._scale.text_px(20)}pt")

    def add_line(self, series: Series) -> None:
        index = len(self._series)
        self._series.append(series)
        xs = [x for x, _ in series.points]
        ys = [y for _, y in series.points]
        pen = pg.mkPen(
            _pen_color(series, index),
            width=self._scale.px(5),
            style=Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine,
        )
        brush = pg.mkBrush(_pen_color(series, index))
        if series.point_colors:
            brush = [pg.mkBrush(readable(color)) for color in series.point_colors]
        self.plot(
            xs,
            ys,
            pen=pen,
            symbol="o",
            symbolSize=self._scale.px(16),
            symbolBrush=brush,
            symbolPen=None,
            name=series.name,
        )

    def add_bars(self, series: Series, width: float = 0.6) -> None:
        index = len(self._series)
        self._series.append(series)
        color = QColor(_pen_color(series, index))
        bars = pg.BarGraphItem(
            x=[x for x, _ in series.points],
            height=[y for _, y in series.points],
            width=width,
            brush=color,
            pen=None,
            name=series.name,
        )
        self.addItem(bars)

    # a tap shows the nearest point's value
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.show_value_near(event.position())

    def show_value_near(self, position: QPointF) -> str:
        """Show the value of the point nearest ``position`` (widget pixels); returns its text."""
        found = self._nearest(position)
        if found is None:
            self.clear_value()
            return ""
        series, x, y = found
        self.tapped = self._value_text(series, x, y)
        self._callout.setText(self.tapped)
        (_, _), (bottom, top) = self.getPlotItem().getViewBox().viewRange()
        near_top = y > bottom + 0.75 * (top - bottom)
        self._callout.setAnchor((0.5, -0.3) if near_top else (0.5, 1.2))  # never off the top
        self._callout.setPos(x, y)
        self._callout.show()
        return self.tapped

    def clear_value(self) -> None:
        """Hide the value a tap showed (the next visitor starts with a plain chart)."""
        self._callout.hide()
        self.tapped = ""

    def _nearest(self, position: QPointF) -> tuple[Series, float, float] | None:
        """The point closest on screen, within a finger's width (bars: the one under the x)."""
        view = self.getPlotItem().getViewBox()
        best: tuple[float, Series, float, float] | None = None
        reach = self._scale.px(80)
        for series in self._series:
            for x, y in series.points:
                on_screen = self.mapFromScene(view.mapViewToScene(pg.Point(x, y)))
                dx = on_screen.x() - position.x()
                dy = on_screen.y() - position.y()
                distance = (dx * dx + dy * dy) ** 0.5
                if abs(dx) <= reach and (best is None or distance < best[0]):
                    best = (distance, series, x, y)
        return None if best is None else best[1:]

    def point_position(self, x: float, y: float) -> QPointF:
        """Widget pixels of a data point (tests tap it; guidance mode could read it)."""
        view = self.getPlotItem().getViewBox()
        return QPointF(self.mapFromScene(view.mapViewToScene(pg.Point(x, y))))
