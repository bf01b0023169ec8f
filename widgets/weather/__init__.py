"""Weather (날씨): the weather now at this station and the next 24 hours."""

from kiosk.widget_spec import WidgetSpec

SPEC = WidgetSpec(
    id="weather",
    title={"ko": "날씨", "en": "Weather", "zh": "天气", "ja": "天気"},
    description={
        "ko": "지금 이곳의 기온, 강수, 바람, 하늘 상태와 24시간 예보를 보여줄 예정입니다.",
        "en": "Will show temperature, precipitation, wind and sky here now, and a 24-hour forecast.",
        "zh": "将显示此地当前的气温、降水、风和天空状况，以及 24 小时预报。",
        "ja": "現在のこの場所の気温、降水、風、空の状態と 24 時間予報を表示する予定です。",
    },
    voice_aliases={"ko": ("날씨", "기상", "일기예보"), "en": ("weather", "forecast")},
    datasets=("weather", "citydata"),
    icon="sun",
    glance="widgets.weather.glance:WeatherGlance",
    view="widgets.common.planned:PlannedPage",
)
