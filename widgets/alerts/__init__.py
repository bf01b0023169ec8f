"""Disaster alerts (재난안전): disaster text alerts and safety notices, newest first."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="alerts",
    title={"ko": "재난안전", "en": "Disaster alerts", "zh": "灾难安全", "ja": "災害・安全"},
    description={
        "ko": "재난문자와 안전 안내를 최신순으로 보여줍니다.",
        "en": "Disaster text alerts and safety notices, newest first.",
        "zh": "按时间从新到旧显示灾难短信和安全提示。",
        "ja": "災害メッセージと安全案内を新しい順に表示します。",
    },
    voice_aliases={
        "ko": ("재난안전", "재난문자", "재난 안전"),
        "en": ("disaster alerts", "alerts", "safety"),
    },
    datasets=("disaster_alerts",),
    tile=True,
    icon="alert-triangle",
    banners="widgets.alerts.model:home_banners",
    view="widgets.alerts.view:AlertsPage",
)
