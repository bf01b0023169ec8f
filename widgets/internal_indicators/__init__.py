"""내부지표 (internal indicators): the city's internal performance figures against targets.

Private: it exists only in the mayor role while private mode is unlocked."""

from kiosk.widget_spec import Visibility, WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="internal_indicators",
    title={"ko": "내부지표", "en": "Internal indicators", "zh": "内部指标", "ja": "内部指標"},
    description={
        "ko": "내부 성과 지표의 현재 값, 목표, 지난번과의 차이를 보여줍니다.",
        "en": "Internal performance figures with their target and change since last time.",
        "zh": "内部绩效指标的当前值、目标以及与上次相比的变化。",
        "ja": "内部成果指標の現在値、目標、前回との差を表示します。",
    },
    voice_aliases={
        "ko": ("내부지표", "내부 지표", "내부 현황"),
        "en": ("internal indicators", "internal figures"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    visibility=Visibility.PRIVATE,
    tile=True,
    icon="chart-line",
    view="widgets.internal_indicators.view:InternalIndicatorsPage",
)
