"""디지털 시민열람실 (digital citizen reading room): the city's reports and white papers as
PDFs from the staff content (``library/index.json``), read page by page by touch."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="library",
    title={
        "ko": "디지털 시민열람실",
        "en": "Reading room",
        "zh": "数字市民阅览室",
        "ja": "デジタル市民閲覧室",
    },
    description={
        "ko": "서울시 보고서와 백서를 읽습니다. 문서를 누르면 열리고, 위아래로 밀어 쪽 안을 보고, 옆으로 밀어 쪽을 넘깁니다.",
        "en": "The city's reports and white papers. Tap one to open it, drag up and down to read, swipe to turn pages.",
        "zh": "阅读首尔市的报告和白皮书。点击即可打开，上下拖动阅读，左右滑动翻页。",
        "ja": "ソウル市の報告書と白書を読みます。タッチで開き、上下にドラッグして読み、横にスワイプしてページをめくります。",
    },
    voice_aliases={
        "ko": ("디지털 시민열람실", "시민열람실", "열람실", "보고서", "백서"),
        "en": ("reading room", "library", "reports", "white papers"),
    },
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="books",
    view="widgets.library.view:LibraryPage",
)
