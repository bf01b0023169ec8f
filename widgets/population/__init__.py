"""Live population (생활인구): will show live population and congestion at key places, with age and sex breakdown and the forecast."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="population",
    title={"ko": "생활인구", "en": "Live population", "zh": "实时人口", "ja": "生活人口"},
    description={
        "ko": "주요 장소의 실시간 인구와 혼잡도, 연령·성별 구성과 예측을 보여줄 예정입니다.",
        "en": "Will show live population and congestion at key places, with age and sex breakdown and the forecast.",
        "zh": "将显示主要地点的实时人口和拥挤程度、年龄和性别构成以及预测。",
        "ja": "主な場所のリアルタイム人口と混雑度、年齢・性別の構成と予測を表示する予定です。",
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
