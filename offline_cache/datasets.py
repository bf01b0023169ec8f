"""The datasets the kiosk caches, each with its staleness policy and the columns it indexes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DatasetInfo:
    id: str
    stale_after_s: float  # older than this (from the measurement time) is shown as stale
    json_columns: tuple[str, ...] = ()  # nested values stored as JSON text, decoded on read
    indexes: tuple[tuple[str, ...], ...] = ()


DATASETS: dict[str, DatasetInfo] = {
    info.id: info
    for info in (
        DatasetInfo("air_quality", stale_after_s=2 * 3600, indexes=(("district",),)),
        DatasetInfo("subway_arrivals", stale_after_s=180, indexes=(("station",),)),
        DatasetInfo("bike_stations", stale_after_s=15 * 60, indexes=(("lat", "lon"),)),
        DatasetInfo("disaster_alerts", stale_after_s=3600, indexes=(("created_at",),)),
        DatasetInfo(
            "citydata",
            stale_after_s=30 * 60,
            json_columns=(
                "population_forecast",
                "road_traffic",
                "roads",
                "parking",
                "bus_stops",
                "weather",
                "incidents",
                "bikes",
                "alerts",
            ),
        ),
        DatasetInfo("weather", stale_after_s=3 * 3600),
        DatasetInfo("public_toilets", stale_after_s=7 * 86400, indexes=(("lat", "lon"),)),
    )
}


class UnknownDataset(KeyError):
    def __str__(self) -> str:
        return f"unknown dataset {self.args[0]!r}; known: {', '.join(DATASETS)}"


def dataset_info(dataset: str) -> DatasetInfo:
    try:
        return DATASETS[dataset]
    except KeyError:
        raise UnknownDataset(dataset) from None
