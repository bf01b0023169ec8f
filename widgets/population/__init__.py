"""Live population (생활인구): how crowded the places near the kiosk are now, who is there, and the hourly forecast."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="population",
    title={"ko": "생활인구", "en": "Live population", "zh": "实时人口", "ja": "生活人口"},
    description={
        "ko": "주변 장소의 지금 인구와 혼잡도, 연령·성별·거주 구성과 시간대별 예측입니다.",
        "en": "How many people are at places nearby and how crowded they are, by age, sex and residence, with the hourly forecast.",
        "zh": "附近地点的当前人口和拥挤程度、年龄·性别·居住构成以及分时段预测。",
        "ja": "周辺の場所の現在の人口と混雑度、年齢・性別・居住の構成と時間帯別の予測です。",
    },
    voice_aliases={
        "ko": ("생활인구", "생활 인구", "혼잡도", "인구", "붐비는 곳"),
        "en": ("population", "live population", "congestion", "crowds"),
    },
    datasets=("citydata",),
    tile=True,
    icon="users",
    view="widgets.population.view:PopulationPage",
)
