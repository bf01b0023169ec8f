"""realtimeStationArrival: trains approaching a station (swopenapi.seoul.go.kr)."""

from __future__ import annotations

from typing import Any

from offline_cache.parsers.envelope import ParseError, api_error, integer, parse_kst, text
from offline_cache.store import DatasetUpdate

OK = "INFO-000"


def parse(doc: Any, *, sample: bool = False) -> list[DatasetUpdate]:
    if not isinstance(doc, dict):
        raise ParseError("response is not a JSON object")
    header = doc.get("errorMessage") if isinstance(doc.get("errorMessage"), dict) else doc
    code = text(header.get("code"))
    if code and code != OK:
        raise api_error(code, text(header.get("message")))
    rows = doc.get("realtimeArrivalList")
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ParseError("realtimeArrivalList is not a list of objects")
    out = []
    for row in rows:
        out.append(
            {
                "station": text(row.get("statnNm")),
                "line_id": text(row.get("subwayId")),
                "direction": text(row.get("updnLine")),
                "train_line": text(row.get("trainLineNm")),
                "destination": text(row.get("bstatnNm")),
                "seconds": integer(row.get("barvlDt"), "barvlDt"),
                "message": text(row.get("arvlMsg2")),
                "location": text(row.get("arvlMsg3")),
                "arrival_code": text(row.get("arvlCd")),
                "train_no": text(row.get("btrainNo")),
                "train_type": text(row.get("btrainSttus")),
                "last_train": text(row.get("lstcarAt")) == "1",
                "received_at": parse_kst(row.get("recptnDt")),
                "order": integer(row.get("rowNum"), "rowNum"),
            }
        )
    times = [row["received_at"] for row in out if row["received_at"] is not None]
    return [
        DatasetUpdate(
            "subway_arrivals",
            out,
            source="realtimeStationArrival",
            measured_at=max(times) if times else None,
            sample=sample,
        )
    ]
