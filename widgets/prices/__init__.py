"""Prices (물가): prices of daily necessities, lowest and highest by market, from staff
content (``prices.json``)."""

from kiosk.widget_spec import WidgetSpec
from offline_cache.content import CONTENT_DATASET

SPEC = WidgetSpec(
    id="prices",
    title={"ko": "물가", "en": "Prices", "zh": "物价", "ja": "物価"},
    description={
        "ko": "생활필수품 가격을 시장별 최저가·최고가와 함께 보여줍니다.",
        "en": "Prices of daily necessities, lowest and highest by market.",
        "zh": "显示生活必需品的价格，以及各市场的最低价和最高价。",
        "ja": "生活必需品の価格を市場別の最安値・最高値とともに表示します。",
    },
    voice_aliases={"ko": ("물가", "물가 현황", "장바구니"), "en": ("prices", "cost of living")},
    datasets=(CONTENT_DATASET,),  # re-rendered when a bundle brings new content
    tile=True,
    icon="shopping-cart",
    view="widgets.prices.view:PricesPage",
)
