"""Tap water (상수도): will show tap-water quality by purification centre (turbidity, residual chlorine, pH) against the drinking-water standards."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="water",
    title={"ko": "상수도", "en": "Tap water", "zh": "自来水", "ja": "上水道"},
    description={
        "ko": "정수센터별 수돗물 수질(탁도, 잔류염소, pH)을 먹는물 기준과 함께 보여줄 예정입니다.",
        "en": "Will show tap-water quality by purification centre (turbidity, residual chlorine, pH) against the drinking-water standards.",
        "zh": "将按净水中心显示自来水水质（浊度、余氯、pH）及饮用水标准。",
        "ja": "浄水センター別の水道水の水質（濁度、残留塩素、pH）を飲料水基準とともに表示する予定です。",
    },
    voice_aliases={
        "ko": ("상수도", "수돗물", "수질"),
        "en": ("tap water", "water quality", "water"),
    },
    datasets=(),
    tile=True,
    icon="droplet",
    view="widgets.common.planned:PlannedPage",
)
