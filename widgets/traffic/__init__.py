"""Traffic (교통): will show road speeds and congestion nearby, train arrivals at this station, nearby bus stops and parking."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="traffic",
    title={"ko": "교통", "en": "Traffic", "zh": "交通", "ja": "交通"},
    description={
        "ko": "주변 도로 속도와 혼잡도, 이 역의 열차 도착, 가까운 버스정류장과 주차장 정보를 보여줄 예정입니다.",
        "en": "Will show road speeds and congestion nearby, train arrivals at this station, nearby bus stops and parking.",
        "zh": "将显示附近道路的车速和拥堵情况、本站列车到站、附近的公交车站和停车场信息。",
        "ja": "周辺道路の速度と混雑度、この駅の列車到着、近くのバス停と駐車場の情報を表示する予定です。",
    },
    voice_aliases={"ko": ("교통", "교통상황", "교통 상황"), "en": ("traffic",)},
    datasets=("citydata", "subway_arrivals"),
    tile=True,
    icon="traffic-lights",
    view="widgets.common.planned:PlannedPage",
)
