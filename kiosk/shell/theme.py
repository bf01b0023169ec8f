"""Sizes and colours, designed at 1920x1080 and scaled to the real screen.

Readable from 1.5 m: body text 28 px, headings 44 px, touch targets at least 96 px at
1080p (twice the 48 px minimum), all multiplied by the screen scale."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QGuiApplication

FONT_FAMILY = "Noto Sans CJK KR"
DESIGN_SIZE = (1920, 1080)


@dataclass(frozen=True)
class Palette:
    background: str = "#F2F4F7"
    surface: str = "#FFFFFF"
    text: str = "#111827"
    muted: str = "#4B5563"
    accent: str = "#0B5FAE"  # Seoul blue
    accent_text: str = "#FFFFFF"
    border: str = "#D1D5DB"
    danger: str = "#B91C1C"
    warning: str = "#B45309"
    sample: str = "#6D28D9"
    ok: str = "#047857"


PALETTE = Palette()

# Korean air-quality grade colours (AirKorea convention), with text that stays readable on them.
GRADE_COLORS = {
    0: ("#1D6FD1", "#FFFFFF"),  # 좋음
    1: ("#0F9D58", "#FFFFFF"),  # 보통
    2: ("#E8710A", "#FFFFFF"),  # 나쁨
    3: ("#C5221F", "#FFFFFF"),  # 매우나쁨
    None: ("#9CA3AF", "#111827"),  # no measurement
}

# Official subway line colours by the API's subwayId.
LINE_COLORS = {
    "1001": "#0052A4",
    "1002": "#00A84D",
    "1003": "#EF7C1C",
    "1004": "#00A5DE",
    "1005": "#996CAC",
    "1006": "#CD7C2F",
    "1007": "#747F00",
    "1008": "#E6186C",
    "1009": "#BDB092",
    "1061": "#77C4A3",
    "1063": "#77C4A3",
    "1065": "#0090D2",
    "1067": "#0C8E72",
    "1075": "#FABE00",
    "1077": "#D31145",
    "1092": "#B0CE18",
    "1093": "#8FC31F",
    "1032": "#9A6292",
}


class Scale:
    """Pixel sizes for the current screen: ``scale.px(28)`` is 28 px at 1080p."""

    def __init__(self, width: int, height: int):
        self.factor = min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])

    def px(self, design_px: float) -> int:
        return max(1, round(design_px * self.factor))

    def font(self, design_px: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(self.px(design_px))
        font.setBold(bold)
        return font


def stylesheet(scale: Scale, palette: Palette = PALETTE) -> str:
    """The application style sheet; object names select the roles of widgets."""
    px = scale.px
    return f"""
    QWidget {{ color: {palette.text}; font-family: "{FONT_FAMILY}"; font-size: {px(28)}px; }}
    #KioskWindow, #PageStack, WidgetPage, HomePage {{ background: {palette.background}; }}
    #TopBar {{ background: {palette.accent}; }}
    #TopBar QLabel {{ color: {palette.accent_text}; }}
    #AppTitle {{ font-size: {px(36)}px; font-weight: bold; }}
    #StationName {{ font-size: {px(30)}px; }}
    #Clock {{ font-size: {px(40)}px; font-weight: bold; }}
    #NavButton {{
        background: rgba(255,255,255,0.16); color: {palette.accent_text};
        border: {px(2)}px solid rgba(255,255,255,0.55); border-radius: {px(14)}px;
        font-size: {px(30)}px; font-weight: bold; padding: 0 {px(22)}px;
        min-height: {px(84)}px; min-width: {px(150)}px;
    }}
    #NavButton:pressed {{ background: rgba(255,255,255,0.35); }}
    #LanguageButton {{
        background: rgba(255,255,255,0.12); color: {palette.accent_text};
        border: {px(2)}px solid rgba(255,255,255,0.55); font-size: {px(28)}px;
        padding: 0 {px(18)}px; min-height: {px(84)}px; min-width: {px(96)}px;
    }}
    #LanguageButton:checked {{ background: {palette.accent_text}; color: {palette.accent};
                               font-weight: bold; }}
    #BottomBar {{ background: {palette.surface}; border-top: 1px solid {palette.border}; }}
    #BottomBar QLabel {{ color: {palette.muted}; font-size: {px(20)}px; }}
    #PageTitle {{ font-size: {px(46)}px; font-weight: bold; }}
    #PageDescription {{ color: {palette.muted}; font-size: {px(24)}px; }}
    #Card {{ background: {palette.surface}; border: 1px solid {palette.border};
             border-radius: {px(18)}px; }}
    #Card[pressed="true"] {{ background: #E5EEF8; }}
    #CardTitle {{ font-size: {px(30)}px; font-weight: bold; }}
    #Muted {{ color: {palette.muted}; font-size: {px(22)}px; }}
    #Big {{ font-size: {px(64)}px; font-weight: bold; }}
    #Medium {{ font-size: {px(34)}px; font-weight: bold; }}
    #Badge {{ border-radius: {px(10)}px; padding: {px(4)}px {px(12)}px;
              font-size: {px(22)}px; font-weight: bold; }}
    #Empty {{ color: {palette.muted}; font-size: {px(32)}px; }}
    #Banner {{ background: {palette.danger}; border-radius: {px(14)}px; }}
    #Banner QLabel {{ color: white; font-size: {px(30)}px; font-weight: bold; }}
    #Toast {{ background: rgba(17,24,39,0.92); color: white; border-radius: {px(16)}px;
              font-size: {px(30)}px; padding: {px(18)}px {px(30)}px; }}
    #IdleOverlay {{ background: rgba(17,24,39,0.82); }}
    #IdleOverlay QLabel {{ color: white; font-size: {px(48)}px; font-weight: bold; }}
    #StayButton {{ background: {palette.accent}; color: white; border-radius: {px(18)}px;
                   font-size: {px(40)}px; font-weight: bold; min-height: {px(120)}px;
                   min-width: {px(420)}px; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QScrollBar:vertical {{ width: {px(22)}px; background: transparent; }}
    QScrollBar::handle:vertical {{ background: {palette.border}; border-radius: {px(10)}px;
                                   min-height: {px(80)}px; }}
    """


def screen_scale() -> Scale:
    screen = QGuiApplication.primaryScreen()
    size = screen.size() if screen else None
    return Scale(size.width(), size.height()) if size else Scale(*DESIGN_SIZE)


def color(hex_code: str) -> QColor:
    return QColor(hex_code)
