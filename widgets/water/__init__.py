"""Tap water (상수도): tap-water quality by purification centre (turbidity, residual chlorine,
pH) against the drinking-water standards, from staff content (``water_quality.json``)."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="water",
    title={"ko": "상수도", "en": "Tap water", "zh": "自来水", "ja": "上水道"},
    description={
        "ko": "정수센터별 수돗물 수질(탁도, 잔류염소, pH)을 먹는물 수질기준과 함께 보여줍니다.",
        "en": "Tap-water quality by purification centre (turbidity, residual chlorine, pH) against the drinking-water standards.",
        "zh": "按净水中心显示自来水水质（浊度、余氯、pH）及饮用水水质标准。",
        "ja": "浄水センター別の水道水の水質（濁度、残留塩素、pH）を飲料水の水質基準とともに表示します。",
    },
    voice_aliases={
        "ko": ("상수도", "수돗물", "수질"),
        "en": ("tap water", "water quality", "water"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="droplet",
    view="widgets.water.view:WaterPage",
)
