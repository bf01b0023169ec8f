"""물가: one row per item with its unit, the lowest price and where, the highest and where."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from kiosk.i18n import format_number, tr
from kiosk.shell.theme import PALETTE, readable
from widgets.common.cards import label, table_card
from widgets.common.content_page import StaffContentPage
from widgets.common.layout import columns_for
from widgets.common.staff_content import StaffFile
from widgets.prices.model import Item, Market, PriceBoard, load_prices

HALVES = 2


def won(amount: int, lang: str) -> str:
    return tr("prices.won", lang, n=format_number(amount, lang))


def market_names(markets: tuple[Market, ...], lang: str) -> str:
    return ", ".join(market.name_in(lang) for market in markets)


class PricesPage(StaffContentPage):
    def load(self) -> StaffFile[PriceBoard]:
        return load_prices(self.context.store)

    def fill_content(self, file: StaffFile[PriceBoard], lang: str) -> None:
        board = file.data
        assert board is not None
        halves = QHBoxLayout()  # two tables side by side while the text is small enough
        halves.setSpacing(self.context.scale.px(24))
        per_table = -(-len(board.items) // columns_for(self.context.scale, HALVES))
        for start in range(0, len(board.items), per_table):
            halves.addWidget(self._table(board.items[start : start + per_table], lang), 1)
        self.body.addLayout(halves)
        markets = tr("prices.markets", lang, markets=market_names(board.markets, lang))
        self.body.addWidget(label(markets, "Muted", wrap=True))

    def _table(self, items: tuple[Item, ...], lang: str) -> QFrame:
        table, grid = table_card(self.context.scale, column_gap=32, row_gap=14)
        for column, key in enumerate(
            ("prices.col.item", "prices.col.lowest", "prices.col.highest")
        ):
            grid.addWidget(label(tr(key, lang), "Muted"), 0, column)
        for row, item in enumerate(items, start=1):
            name = QVBoxLayout()
            name.setSpacing(0)
            name.addWidget(label(item.name_in(lang), "CardTitle", wrap=True))
            if item.unit_in(lang):
                name.addWidget(label(item.unit_in(lang), "Muted", wrap=True))
            grid.addLayout(name, row, 0)
            grid.addLayout(
                self._price(item.lowest.won, item.markets_at_lowest, PALETTE.ok, lang), row, 1
            )
            grid.addLayout(
                self._price(item.highest.won, item.markets_at_highest, PALETTE.warning, lang),
                row,
                2,
            )
        grid.setRowStretch(len(items) + 1, 1)  # a shorter table keeps its rows at the top
        for column, stretch in enumerate((3, 2, 2)):
            grid.setColumnStretch(column, stretch)
        return table

    def _price(
        self, amount: int, markets: tuple[Market, ...], colour: str, lang: str
    ) -> QVBoxLayout:
        cell = QVBoxLayout()
        cell.setSpacing(0)
        price = label(won(amount, lang), "Medium")
        price.setStyleSheet(f"color: {readable(colour)};")
        cell.addWidget(price)
        cell.addWidget(label(market_names(markets, lang), "Muted", wrap=True))
        return cell
