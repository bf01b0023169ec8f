"""Disaster text alerts (재난문자) from safetydata.go.kr DSSP-IF-00247."""

from __future__ import annotations

from typing import Any

from offline_cache.parsers.envelope import ParseError, api_error, integer, parse_kst, text
from offline_cache.store import DatasetUpdate

OK_CODES = {"00", "0"}


def parse(doc: Any, *, sample: bool = False) -> list[DatasetUpdate]:
    if not isinstance(doc, dict):
        raise ParseError("response is not a JSON object")
    if isinstance(doc.get("response"), dict):  # the documented wrapper, absent in practice
        doc = doc["response"]
    header = doc.get("header") or {}
    code = text(header.get("resultCode"))
    if code and code not in OK_CODES:
        raise api_error(code, text(header.get("errorMsg") or header.get("resultMsg")))
    body = doc.get("body")
    if isinstance(body, dict):
        body = (body.get("items") or {}).get("item", body.get("items"))
    if not isinstance(body, list) or not all(isinstance(row, dict) for row in body):
        raise ParseError("body is not a list of alerts")
    out = []
    for row in body:
        out.append(
            {
                "sn": integer(row.get("SN"), "SN"),
                "message": text(row.get("MSG_CN")),
                "region": text(row.get("RCPTN_RGN_NM")),
                "created_at": parse_kst(row.get("CRT_DT")),
                "step": text(row.get("EMRG_STEP_NM")),
                "kind": text(row.get("DST_SE_NM")),
            }
        )
    times = [row["created_at"] for row in out if row["created_at"] is not None]
    return [
        DatasetUpdate(
            "disaster_alerts",
            out,
            source="safetydata DSSP-IF-00247",
            measured_at=max(times) if times else None,
            sample=sample,
        )
    ]
