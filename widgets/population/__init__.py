"""Live population (생활인구): will show live population and congestion at key places, with age and sex breakdown and the forecast."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="population",
    title={"ko": "생활인구", "en": "Live population"},
    description={
        "ko": "주요 장소의 실시간 인구와 혼잡도, 연령·성별 구성과 예측을 보여줄 예정입니다.",
        "en": "Will show live population and congestion at key places, with age and sex breakdown and the forecast.",
    },
    voice_aliases={
        "ko": ("생활인구", "생활 인구", "혼잡도", "인구"),
        "en": ("population", "live population", "congestion"),
    },
    datasets=("citydata",),
    tile=True,
    icon="users",
    view="widgets.common.planned:PlannedPage",
)
