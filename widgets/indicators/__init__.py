"""City indicators (시정지표): will show city indicators by field with their value, target and trend."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="indicators",
    title={"ko": "시정지표", "en": "City indicators", "zh": "市政指标", "ja": "市政指標"},
    description={
        "ko": "분야별 시정지표의 현재 값, 목표와 추이를 보여줄 예정입니다.",
        "en": "Will show city indicators by field with their value, target and trend.",
        "zh": "将按领域显示市政指标的当前值、目标和趋势。",
        "ja": "分野別の市政指標の現在値、目標と推移を表示する予定です。",
    },
    voice_aliases={
        "ko": ("시정지표", "시정 지표", "지표"),
        "en": ("city indicators", "indicators"),
    },
    datasets=(),
    tile=True,
    icon="chart-bar",
    view="widgets.common.planned:PlannedPage",
)
