"""Air quality (대기환경): fine dust, ultrafine dust, ozone and the air-quality grade in all 25 districts."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="air",
    title={"ko": "대기환경", "en": "Air quality", "zh": "大气环境", "ja": "大気環境"},
    description={
        "ko": "25개 자치구의 미세먼지, 초미세먼지, 오존과 통합대기환경 등급을 보여줍니다.",
        "en": "Fine dust, ultrafine dust, ozone and the air-quality grade in all 25 districts.",
        "zh": "显示 25 个区的可吸入颗粒物、细颗粒物、臭氧和综合空气质量等级。",
        "ja": "25 区の微細粉じん、超微細粉じん、オゾンと総合大気環境の等級を表示します。",
    },
    voice_aliases={
        "ko": ("대기환경", "미세먼지", "대기질", "공기"),
        "en": ("air quality", "fine dust", "air"),
    },
    datasets=("air_quality",),
    tile=True,
    icon="cloud",
    glance="widgets.air.glance:AirGlance",
    view="widgets.air.view:AirQualityPage",
)
