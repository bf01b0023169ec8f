"""Subway arrivals (지하철 도착): trains arriving at this station: line, direction, destination and time to arrival."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="subway",
    title={"ko": "지하철 도착", "en": "Subway arrivals", "zh": "地铁到站", "ja": "地下鉄の到着"},
    description={
        "ko": "이 역에 도착하는 열차의 노선, 방향, 행선지와 도착 예정 시간을 보여줍니다.",
        "en": "Trains arriving at this station: line, direction, destination and time to arrival.",
        "zh": "到达本站的列车：线路、方向、终点站和预计到站时间。",
        "ja": "この駅に到着する列車の路線、方面、行き先と到着予定時間を表示します。",
    },
    voice_aliases={
        "ko": ("지하철", "지하철 도착", "열차 도착", "전철"),
        "en": ("subway", "subway arrivals", "trains", "metro"),
    },
    datasets=("subway_arrivals",),
    tile=False,
    icon="train",
    glance="widgets.subway.glance:SubwayGlance",
    view="widgets.subway.view:SubwayPage",
)
