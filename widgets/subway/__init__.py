"""Subway arrivals (지하철 도착): trains arriving at this station: line, direction, destination and time to arrival."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="subway",
    title={"ko": "지하철 도착", "en": "Subway arrivals"},
    description={
        "ko": "이 역에 도착하는 열차의 노선, 방향, 행선지와 도착 예정 시간을 보여줍니다.",
        "en": "Trains arriving at this station: line, direction, destination and time to arrival.",
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
