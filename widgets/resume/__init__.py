"""서울시 이력서 (Seoul's résumé): the city's key figures and its global rankings, each with
its source and year, from the staff content file ``resume.json``."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="resume",
    title={
        "ko": "서울시 이력서",
        "en": "Seoul profile",
        "zh": "首尔简历",
        "ja": "ソウル市の履歴書",
    },
    description={
        "ko": "숫자로 보는 서울과 세계 속 서울의 순위를 출처와 함께 봅니다.",
        "en": "Seoul's key figures and its global rankings, each with its source and year.",
        "zh": "查看首尔的主要数据和全球排名，并附来源和年份。",
        "ja": "数字で見るソウルと世界の中のソウルの順位を、出典と年とともに表示します。",
    },
    voice_aliases={
        "ko": ("서울시 이력서", "서울 이력서", "이력서", "서울 순위"),
        "en": ("seoul profile", "key figures", "rankings"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="id-badge",
    view="widgets.resume.view:ResumePage",
)
