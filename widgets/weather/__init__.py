"""Weather (날씨): the weather here now, each value with its source, and the next 24 hours."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="weather",
    title={"ko": "날씨", "en": "Weather", "zh": "天气", "ja": "天気"},
    description={
        "ko": "지금 이곳의 기온, 강수, 바람, 하늘 상태와 24시간 예보입니다. 값마다 출처(기상청 또는 서울 도시데이터)를 적었습니다.",
        "en": "Temperature, precipitation, wind and sky here now, and the 24-hour forecast; each value says its source (KMA or Seoul city data).",
        "zh": "此地当前的气温、降水、风和天空状况，以及 24 小时预报；每个数值都注明来源（韩国气象厅或首尔城市数据）。",
        "ja": "現在のこの場所の気温、降水、風、空の状態と 24 時間予報です。各値に出典（気象庁またはソウル都市データ）を記しています。",
    },
    voice_aliases={
        "ko": ("날씨", "기상", "일기예보", "기온"),
        "en": ("weather", "forecast", "temperature"),
    },
    datasets=("weather", "citydata"),
    icon="sun",
    glance="widgets.weather.glance:WeatherGlance",
    view="widgets.weather.view:WeatherPage",
)
