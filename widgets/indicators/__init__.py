"""City indicators (시정지표): public city indicators by field, each with its value, target and
trend chart, from the staff content file ``indicators.json``."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="indicators",
    title={"ko": "시정지표", "en": "City indicators", "zh": "市政指标", "ja": "市政指標"},
    description={
        "ko": "분야별 시정지표의 현재 값과 목표, 추이를 봅니다. 분야와 지표를 눌러 고르세요.",
        "en": "City indicators by field: value, target and trend. Tap a field and an indicator.",
        "zh": "按领域查看市政指标的当前值、目标和趋势。请点击选择领域和指标。",
        "ja": "分野別の市政指標の現在値、目標と推移を表示します。分野と指標をタッチして選びます。",
    },
    voice_aliases={
        "ko": ("시정지표", "시정 지표", "지표"),
        "en": ("city indicators", "indicators"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="chart-bar",
    view="widgets.indicators.view:IndicatorsPage",
)
