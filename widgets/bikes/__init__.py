"""Public bikes (따릉이): public bike (Ttareungyi) stations near this station: bikes available and racks, nearest first."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="bikes",
    title={"ko": "따릉이", "en": "Public bikes"},
    description={
        "ko": "역 주변 따릉이 대여소의 대여 가능 자전거와 거치대 수를 가까운 순으로 보여줍니다.",
        "en": "Public bike (Ttareungyi) stations near this station: bikes available and racks, nearest first.",
    },
    voice_aliases={
        "ko": ("따릉이", "자전거", "공공자전거"),
        "en": ("bikes", "public bikes", "bicycle"),
    },
    datasets=("bike_stations",),
    tile=False,
    icon="bike",
    glance="widgets.bikes.glance:BikesGlance",
    view="widgets.bikes.view:BikesPage",
)
