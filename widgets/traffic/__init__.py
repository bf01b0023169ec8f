"""Traffic (교통): will show road speeds and congestion nearby, train arrivals at this station, nearby bus stops and parking."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="traffic",
    title={"ko": "교통", "en": "Traffic"},
    description={
        "ko": "주변 도로 속도와 혼잡도, 이 역의 열차 도착, 가까운 버스정류장과 주차장 정보를 보여줄 예정입니다.",
        "en": "Will show road speeds and congestion nearby, train arrivals at this station, nearby bus stops and parking.",
    },
    voice_aliases={"ko": ("교통", "교통상황", "교통 상황"), "en": ("traffic",)},
    datasets=("citydata", "subway_arrivals"),
    tile=True,
    icon="traffic-lights",
    view="widgets.common.planned:PlannedPage",
)
