"""Traffic (교통): road speeds and congestion around the kiosk, train arrivals at this station, nearby bus stops and parking."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="traffic",
    title={"ko": "교통", "en": "Traffic", "zh": "交通", "ja": "交通"},
    description={
        "ko": "주변 도로의 속도와 혼잡도, 이 역의 열차 도착, 가까운 버스정류장과 주차장입니다.",
        "en": "Road speeds and congestion nearby, trains arriving at this station, nearby bus stops and parking.",
        "zh": "附近道路的车速和拥堵情况、本站列车到站、附近的公交车站和停车场。",
        "ja": "周辺道路の速度と混雑度、この駅の列車到着、近くのバス停と駐車場です。",
    },
    voice_aliases={
        "ko": ("교통", "교통상황", "교통 상황", "도로", "주차장", "버스정류장"),
        "en": ("traffic", "roads", "parking", "bus stops"),
    },
    datasets=("citydata", "subway_arrivals"),
    tile=True,
    icon="traffic-lights",
    view="widgets.traffic.view:TrafficPage",
)
