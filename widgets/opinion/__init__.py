"""Citizens' opinion (시민 여론): complaints by type and their trend over the months, from
staff content (``opinion.json``)."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="opinion",
    title={"ko": "시민 여론", "en": "Citizens' voice", "zh": "市民舆论", "ja": "市民の声"},
    description={
        "ko": "시민이 낸 민원을 분야별로, 달마다 어떻게 변했는지와 함께 보여줍니다.",
        "en": "Complaints from citizens by type, and how they changed month by month.",
        "zh": "按类别显示市民提出的投诉及其逐月变化。",
        "ja": "市民から寄せられた苦情を分野別に、月ごとの推移とともに表示します。",
    },
    voice_aliases={
        "ko": ("시민 여론", "여론", "민원"),
        "en": ("citizens voice", "opinion", "complaints"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="message-circle",
    view="widgets.opinion.view:OpinionPage",
)
