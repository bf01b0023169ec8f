"""Prices of daily necessities by market (``prices.json``): the lowest and highest of each item.

The file: ``{"as_of": "2026-11-27", "markets": [{"id": "mangwon", "name": {"ko": "망원시장",
"en": "Mangwon Market"}}, ...], "items": [{"id": "cabbage", "name": {"ko": "배추", "en":
"Napa cabbage"}, "unit": {"ko": "1포기", "en": "1 head"}, "prices": {"mangwon": 3500, ...}}]}``.
Prices are whole won; a market may be missing from an item (not surveyed there). An item
whose prices name an unknown market, or have no price at all, is skipped with the reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.i18n import pick
from offline_cache.store import CacheStore
from widgets.common.staff_content import (
    Parsed,
    SchemaError,
    StaffFile,
    each_entry,
    number,
    optional_texts,
    read_staff_file,
    texts,
)

FILE = "prices.json"


@dataclass(frozen=True)
class Market:
    id: str
    name: Mapping[str, str]

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)


@dataclass(frozen=True)
class MarketPrice:
    market: Market
    won: int


@dataclass(frozen=True)
class Item:
    id: str
    name: Mapping[str, str]
    unit: Mapping[str, str]
    prices: tuple[MarketPrice, ...]  # cheapest first

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)

    def unit_in(self, lang: str) -> str:
        return pick(self.unit, lang) if self.unit else ""

    @property
    def lowest(self) -> MarketPrice:
        return self.prices[0]

    @property
    def highest(self) -> MarketPrice:
        return self.prices[-1]

    @property
    def markets_at_lowest(self) -> tuple[Market, ...]:
        """Every market asking the lowest price (ties are common for round prices)."""
        return tuple(p.market for p in self.prices if p.won == self.lowest.won)

    @property
    def markets_at_highest(self) -> tuple[Market, ...]:
        return tuple(p.market for p in self.prices if p.won == self.highest.won)


@dataclass(frozen=True)
class PriceBoard:
    markets: tuple[Market, ...]
    items: tuple[Item, ...]


def _market(entry: Mapping[str, Any], where: str) -> Market:
    if not isinstance(entry.get("id"), str) or not entry["id"]:
        raise SchemaError(f"{where}.id must be a text that items' prices refer to")
    return Market(entry["id"], texts(entry.get("name"), f"{where}.name"))


def parse_prices(raw: Mapping[str, Any]) -> Parsed[PriceBoard]:
    markets, skipped_markets = each_entry(raw, "markets", _market)
    by_id = {market.id: market for market in markets}

    def item(entry: Mapping[str, Any], where: str) -> Item:
        prices = entry.get("prices")
        if not isinstance(prices, dict) or not prices:
            raise SchemaError(f'{where}.prices must be {{"<market id>": <won>, ...}}')
        found = []
        for market_id, won in prices.items():
            if market_id not in by_id:
                raise SchemaError(f"{where}.prices names the unknown market {market_id!r}")
            value = number(won, f"{where}.prices.{market_id}", minimum=0)
            found.append(MarketPrice(by_id[market_id], round(value)))
        found.sort(key=lambda p: p.won)
        return Item(
            id=str(entry.get("id") or where),
            name=texts(entry.get("name"), f"{where}.name"),
            unit=optional_texts(entry.get("unit"), f"{where}.unit"),
            prices=tuple(found),
        )

    items, skipped_items = each_entry(raw, "items", item)
    return Parsed(PriceBoard(tuple(markets), tuple(items)), skipped_markets + skipped_items)


def load_prices(store: CacheStore) -> StaffFile[PriceBoard]:
    return read_staff_file(store, FILE, parse_prices)
