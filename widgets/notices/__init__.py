"""Notices (공지사항): staff notices from content bundles, shown during their validity period."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="notices",
    title={"ko": "공지사항", "en": "Notices", "zh": "公告", "ja": "お知らせ"},
    description={
        "ko": "서울시가 보낸 공지와 안내를 게시 기간 동안 보여줍니다.",
        "en": "Notices and announcements from the city, shown during their validity period.",
        "zh": "在公告期间显示首尔市发布的公告和通知。",
        "ja": "ソウル市からのお知らせと案内を掲示期間中に表示します。",
    },
    voice_aliases={
        "ko": ("공지", "공지사항", "공지 사항"),
        "en": ("notices", "notice", "announcements"),
    },
    datasets=(CONTENT_DATASET,),
    icon="speakerphone",
    banners="widgets.notices.model:home_banners",
    view="widgets.notices.view:NoticesPage",
)
