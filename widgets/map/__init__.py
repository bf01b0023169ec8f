"""Map (지도): Seoul's 25 districts as a line map, coloured by air quality, congestion or
active incidents, with alerts, nearby bike stations and the kiosk marked; the home screen's
main visual. A tap on a district shows its details."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="map",
    title={"ko": "서울 지도", "en": "Seoul map", "zh": "首尔地图", "ja": "ソウル地図"},
    description={
        "ko": "25개 자치구를 대기질, 혼잡도, 사고·재난으로 색칠해 보여줍니다. 구를 누르면 자세한 정보가 나옵니다.",
        "en": "The 25 districts coloured by air quality, congestion or incidents. Tap a district for its details.",
        "zh": "按空气质量、拥挤程度或事故·灾害为 25 个区着色。点击区可查看详细信息。",
        "ja": "25 区を大気質・混雑度・事故・災害で色分けして表示します。区をタップすると詳しい情報が出ます。",
    },
    voice_aliases={
        "ko": ("지도", "지도 보기", "구별 지도"),
        "en": ("map", "seoul map", "district map"),
    },
    datasets=("air_quality", "citydata", "disaster_alerts", "bike_stations"),
    icon="map-2",
    home_visual="widgets.map.home:MapHomeVisual",
    view="widgets.map.view:MapPage",
)
