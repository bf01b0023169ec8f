"""Trails & parks (둘레길·공원): Seoul's trails and parks nearest to this kiosk first, from
staff content (``parks.json``)."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="parks",
    title={"ko": "둘레길·공원", "en": "Trails & parks", "zh": "步道·公园", "ja": "トレイル・公園"},
    description={
        "ko": "서울둘레길과 공원을 이곳에서 가까운 순으로 안내합니다.",
        "en": "Seoul's trails and parks, nearest to this kiosk first.",
        "zh": "按离此处由近到远介绍首尔环城步道和公园。",
        "ja": "ソウル・トレイルと公園をここから近い順に案内します。",
    },
    voice_aliases={"ko": ("둘레길", "공원", "둘레길 공원"), "en": ("parks", "trails")},
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="trees",
    view="widgets.parks.view:ParksPage",
)
