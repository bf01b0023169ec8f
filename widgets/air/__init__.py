"""Air quality (대기환경): fine dust, ultrafine dust, ozone and the air-quality grade in all 25 districts."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="air",
    title={"ko": "대기환경", "en": "Air quality"},
    description={
        "ko": "25개 자치구의 미세먼지, 초미세먼지, 오존과 통합대기환경 등급을 보여줍니다.",
        "en": "Fine dust, ultrafine dust, ozone and the air-quality grade in all 25 districts.",
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
