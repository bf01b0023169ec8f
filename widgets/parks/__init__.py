"""Trails & parks (둘레길·공원): will list Seoul's trails and parks, nearest first."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="parks",
    title={"ko": "둘레길·공원", "en": "Trails & parks", "zh": "步道·公园", "ja": "トレイル・公園"},
    description={
        "ko": "가까운 순으로 서울둘레길과 공원을 안내할 예정입니다.",
        "en": "Will list Seoul's trails and parks, nearest first.",
        "zh": "将由近到远介绍首尔步道和公园。",
        "ja": "ソウル・トレイルと公園を近い順に案内する予定です。",
    },
    voice_aliases={"ko": ("둘레길", "공원", "둘레길 공원"), "en": ("parks", "trails")},
    datasets=(),
    tile=True,
    icon="trees",
    view="widgets.common.planned:PlannedPage",
)
