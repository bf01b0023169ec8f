"""Public bikes (따릉이): public bike (Ttareungyi) stations near this station: bikes available and racks, nearest first."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="bikes",
    title={"ko": "따릉이", "en": "Public bikes", "zh": "公共自行车", "ja": "公共自転車"},
    description={
        "ko": "역 주변 따릉이 대여소의 대여 가능 자전거와 거치대 수를 가까운 순으로 보여줍니다.",
        "en": "Public bike (Ttareungyi) stations near this station: bikes available and racks, nearest first.",
        "zh": "本站附近的公共自行车（Ttareungyi）租赁点：可借车辆和车架数量，由近到远。",
        "ja": "駅周辺の公共自転車（タルンイ）ステーション：貸出可能な自転車とラックの数を近い順に表示します。",
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
