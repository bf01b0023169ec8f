"""Sizes, colours and fonts, designed at 1920x1080 and scaled to the real screen: the one
place every look comes from.

Readable from 1.5 m: body text 28 px, headings 44 px, touch targets at least 96 px at
1080p (twice the 48 px minimum), all multiplied by the screen scale. A visitor's text size
(100-200%) multiplies every font size, and the high-contrast palette replaces the colours;
``apply_theme`` switches both at run time for the whole window."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.accessibility import Accessibility

FONT_FAMILY = "Noto Sans CJK KR"
# Han characters differ between regions: each language gets its own face of Noto CJK.
FONT_FAMILIES = {"zh": "Noto Sans CJK SC", "ja": "Noto Sans CJK JP"}
DESIGN_SIZE = (1920, 1080)
HIGH_CONTRAST_RATIO = 7.0  # WCAG AAA for text


@dataclass
class Palette:
    """Colours by role. ``PALETTE`` is the live one: views read it when they render."""

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
    pressed: str = "#E5EEF8"
    bar: str = "#0B5FAE"  # the top bar
    bar_text: str = "#FFFFFF"
    high_contrast: bool = False

    def use(self, other: Palette) -> None:
        """Take every colour of ``other`` (switching the live palette in place)."""
        for item in fields(self):
            setattr(self, item.name, getattr(other, item.name))


STANDARD = Palette()
# Yellow and white on black: every text colour at least 7:1 against the background.
HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#F3F4F6",
    accent="#FFD400",
    accent_text="#000000",
    border="#FFFFFF",
    danger="#FF7B7B",
    warning="#FFB547",
    sample="#D0B8FF",
    ok="#5EE69A",
    pressed="#3A3A3A",
    bar="#000000",
    bar_text="#FFD400",
    high_contrast=True,
)
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
    """Pixel sizes for the current screen: ``scale.px(28)`` is 28 px at 1080p.

    ``text`` is the visitor's text size (1.0-2.0); ``text_px`` sizes fonts with it."""

    def __init__(self, width: int, height: int):
        self.factor = min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])
        self.text = 1.0
        self.family = FONT_FAMILY

    def px(self, design_px: float) -> int:
        return max(1, round(design_px * self.factor))

    def text_px(self, design_px: float) -> int:
        return self.px(design_px * self.text)

    def font(self, design_px: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(self.text_px(design_px))
        font.setBold(bold)
        return font


def stylesheet(scale: Scale, palette: Palette = PALETTE) -> str:
    """The application style sheet; object names select the roles of widgets."""
    px, fpx = scale.px, scale.text_px
    hc = palette.high_contrast
    nav_background = palette.bar if hc else "rgba(255,255,255,0.16)"
    nav_border = palette.bar_text if hc else "rgba(255,255,255,0.55)"
    banner = (
        f"background: {palette.background}; border: {px(4)}px solid {palette.danger};"
        if hc
        else f"background: {palette.danger};"
    )
    card_border = f"{px(2)}px solid {palette.border}" if hc else f"1px solid {palette.border}"
    return f"""
    QWidget {{ color: {palette.text}; font-family: "{scale.family}"; font-size: {fpx(28)}px; }}
    #KioskWindow, #PageStack, WidgetPage, HomePage {{ background: {palette.background}; }}
    #TopBar {{ background: {palette.bar};
               border-bottom: {px(3) if hc else 0}px solid {palette.bar_text}; }}
    #TopBar QLabel {{ color: {palette.bar_text}; }}
    #AppTitle {{ font-size: {fpx(36)}px; font-weight: bold; }}
    #StationName {{ font-size: {fpx(30)}px; }}
    #Clock {{ font-size: {fpx(40)}px; font-weight: bold; }}
    #NavButton {{
        background: {nav_background}; color: {palette.bar_text};
        border: {px(2)}px solid {nav_border}; border-radius: {px(14)}px;
        font-size: {fpx(30)}px; font-weight: bold; padding: 0 {px(22)}px;
        min-height: {px(84)}px; min-width: {px(150)}px;
    }}
    #NavButton:pressed {{ background: {palette.pressed if hc else "rgba(255,255,255,0.35)"}; }}
    #LanguageButton {{
        background: {nav_background}; color: {palette.bar_text};
        border: {px(2)}px solid {nav_border}; font-size: {fpx(28)}px;
        padding: 0 {px(18)}px; min-height: {px(84)}px; min-width: {px(96)}px;
    }}
    #LanguageButton:checked {{ background: {palette.bar_text}; color: {palette.bar};
                               font-weight: bold; }}
    #BottomBar {{ background: {palette.surface}; border-top: {card_border}; }}
    #BottomBar QLabel {{ color: {palette.muted}; font-size: {fpx(20)}px; }}
    #AccessBar {{ background: {palette.surface}; border-top: {card_border}; }}
    #AccessButton {{
        background: {palette.surface}; color: {palette.text};
        border: {px(3)}px solid {palette.accent if hc else palette.border};
        border-radius: {px(14)}px; font-size: {fpx(26)}px; font-weight: bold;
        padding: {px(6)}px {px(18)}px; min-height: {px(76)}px;
    }}
    #AccessButton:checked {{ background: {palette.accent}; color: {palette.accent_text};
                             border-color: {palette.accent}; }}
    #GuidanceButton {{
        background: {palette.accent}; color: {palette.accent_text};
        border: {px(3)}px solid {palette.accent}; border-radius: {px(14)}px;
        font-size: {fpx(26)}px; font-weight: bold; padding: {px(6)}px {px(18)}px;
        min-height: {px(76)}px;
    }}
    #GuidanceButton:checked {{ background: {palette.ok}; border-color: {palette.ok}; }}
    #GuidanceBanner {{ background: {palette.accent}; }}
    #GuidanceBanner QLabel {{ color: {palette.accent_text}; font-size: {fpx(26)}px;
                              font-weight: bold; }}
    #ReachNote {{ background: {palette.background}; }}
    #ReachNote QLabel {{ color: {palette.muted}; font-size: {fpx(30)}px; }}
    #ReachNote #AppTitle, #ReachNote #Clock {{ color: {palette.text}; font-size: {fpx(44)}px;
                                              font-weight: bold; }}
    #ReachNote #StationName {{ color: {palette.text}; font-size: {fpx(34)}px; }}
    #PageTitle {{ font-size: {fpx(46)}px; font-weight: bold; }}
    #PageDescription {{ color: {palette.muted}; font-size: {fpx(24)}px; }}
    #Card {{ background: {palette.surface}; border: {card_border};
             border-radius: {px(18)}px; }}
    #Card[pressed="true"] {{ background: {palette.pressed}; }}
    #CardTitle {{ font-size: {fpx(30)}px; font-weight: bold; }}
    #Muted {{ color: {palette.muted}; font-size: {fpx(22)}px; }}
    #Big {{ font-size: {fpx(64)}px; font-weight: bold; }}
    #Medium {{ font-size: {fpx(34)}px; font-weight: bold; }}
    #Badge {{ border-radius: {px(10)}px; padding: {px(4)}px {px(12)}px;
              font-size: {fpx(22)}px; font-weight: bold; }}
    #Empty {{ color: {palette.muted}; font-size: {fpx(32)}px; }}
    #Banner {{ {banner} border-radius: {px(14)}px; }}
    #Banner QLabel {{ color: white; font-size: {fpx(30)}px; font-weight: bold; }}
    #PageButton {{ background: {palette.accent}; color: {palette.accent_text};
                   border-radius: {px(14)}px; font-size: {fpx(30)}px; font-weight: bold;
                   min-height: {px(96)}px; padding: 0 {px(24)}px; }}
    #ChoiceButton {{
        background: {palette.surface}; color: {palette.text};
        border: {px(3)}px solid {palette.accent if hc else palette.border};
        border-radius: {px(14)}px; font-size: {fpx(28)}px; font-weight: bold;
        padding: {px(6)}px {px(24)}px; min-height: {px(84)}px;
    }}
    #ChoiceButton:checked {{ background: {palette.accent}; color: {palette.accent_text};
                             border-color: {palette.accent}; }}
    #Toast {{ background: rgba(17,24,39,0.92); color: white; border-radius: {px(16)}px;
              font-size: {fpx(30)}px; padding: {px(18)}px {px(30)}px;
              border: {px(3) if hc else 0}px solid {palette.accent}; }}
    #IdleOverlay {{ background: rgba(0,0,0,{0.92 if hc else 0.82}); }}
    #IdleOverlay QLabel {{ color: white; font-size: {fpx(48)}px; font-weight: bold; }}
    #StayButton {{ background: {palette.accent}; color: {palette.accent_text};
                   border-radius: {px(18)}px; font-size: {fpx(40)}px; font-weight: bold;
                   min-height: {px(120)}px; min-width: {px(420)}px; padding: 0 {px(30)}px; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QScrollBar:vertical {{ width: {px(22)}px; background: transparent; }}
    QScrollBar::handle:vertical {{ background: {palette.border}; border-radius: {px(10)}px;
                                   min-height: {px(80)}px; }}
    """


def apply_theme(window: QWidget, scale: Scale, access: Accessibility, lang: str) -> None:
    """Give the window and everything in it the visitor's text size, contrast and the
    language's font.

    Widgets pick the new style up at once; views read ``PALETTE`` and ``scale.text`` when
    they next render (the window re-renders what is on screen). The style sheet is the
    window's, not the application's: widgets outside it (pages being deleted) are left alone,
    which keeps a switch fast."""
    scale.text = access.text_scale
    scale.family = font_family(lang)
    PALETTE.use(HIGH_CONTRAST if access.high_contrast else STANDARD)
    QApplication.instance().setFont(scale.font(28))  # for anything drawn outside the window
    window.setStyleSheet(stylesheet(scale, PALETTE))


def font_family(lang: str) -> str:
    return FONT_FAMILIES.get(lang, FONT_FAMILY)


def readable(hex_code: str) -> str:
    """A colour for text on the page background: as designed, or in high contrast made
    light enough for 7:1 against black (grade colours, line colours)."""
    if not PALETTE.high_contrast:
        return hex_code
    color = QColor(hex_code)
    while _contrast_on_black(color) < HIGH_CONTRAST_RATIO and color.lightness() < 255:
        color = color.lighter(110) if color.lightness() > 20 else QColor("#FFFFFF")
    return color.name()


def _contrast_on_black(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )
    return (luminance + 0.05) / 0.05


def screen_scale() -> Scale:
    screen = QGuiApplication.primaryScreen()
    size = screen.size() if screen else None
    return Scale(size.width(), size.height()) if size else Scale(*DESIGN_SIZE)


def color(hex_code: str) -> QColor:
    return QColor(hex_code)
