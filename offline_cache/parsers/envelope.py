"""Seoul open-data envelopes: find the payload or say exactly what the server complained about.

Seoul APIs signal errors in several shapes (a bare RESULT, XML even when JSON was asked for,
citydata's dotted keys, the subway API's top-level code, safetydata's header); all become
``ApiError`` with the server's code and message."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
OK_CODES = {"INFO-000", "00"}
MAINTENANCE = "점검중"


class ParseError(ValueError):
    """The response is not what the API promises (truncated, wrong shape, wrong types)."""


class ApiError(ParseError):
    """The server answered with an error envelope."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class NoData(ApiError):
    """INFO-200: the query matched nothing (for subway arrivals: no trains right now)."""


def api_error(code: str, message: str) -> ApiError:
    return (NoData if code == "INFO-200" else ApiError)(code, message.strip())


def load_json(body: bytes | str) -> Any:
    """Decode a response body, turning XML error envelopes and broken JSON into clear errors."""
    text = body.decode("utf-8-sig", errors="replace") if isinstance(body, bytes) else body
    stripped = text.lstrip()
    if stripped.startswith("<"):
        try:
            root = ET.fromstring(stripped)
        except ET.ParseError as exc:
            raise ParseError(f"XML response that is not valid XML: {exc}") from None
        code = next(
            (
                root.findtext(f".//{tag}")
                for tag in ("CODE", "resultCode", "returnReasonCode")
                if root.findtext(f".//{tag}")
            ),
            "XML",
        )
        message = next(
            (
                root.findtext(f".//{tag}")
                for tag in ("MESSAGE", "resultMsg", "returnAuthMsg")
                if root.findtext(f".//{tag}")
            ),
            "XML response where JSON was expected",
        )
        raise api_error(code, message)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"response is not complete JSON ({exc.msg} at char {exc.pos})") from None


def check_result(result: Any) -> None:
    """Raise for a Seoul RESULT block that is not INFO-000 (plain or dotted keys)."""
    if not isinstance(result, dict):
        return
    code = result.get("CODE") or result.get("RESULT.CODE")
    message = result.get("MESSAGE") or result.get("RESULT.MESSAGE") or ""
    if code and code not in OK_CODES:
        raise api_error(code, message)


def seoul_rows(doc: Any, wrapper: str) -> tuple[list[dict[str, Any]], int]:
    """Rows and list_total_count of an openapi.seoul.go.kr response wrapped in ``wrapper``."""
    if not isinstance(doc, dict):
        raise ParseError("response is not a JSON object")
    if "RESULT" in doc and wrapper not in doc:
        check_result(doc["RESULT"])
        raise ParseError(f"response has no {wrapper!r} block")
    body = doc.get(wrapper)
    if not isinstance(body, dict):
        raise ParseError(f"response has no {wrapper!r} block (keys: {', '.join(doc)})")
    check_result(body.get("RESULT"))
    rows = body.get("row")
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ParseError(f"{wrapper}.row is not a list of objects")
    total = body.get("list_total_count", len(rows))
    try:
        return rows, int(total)
    except (TypeError, ValueError):
        raise ParseError(f"{wrapper}.list_total_count is not a number: {total!r}") from None


_DIGITS = re.compile(r"\d+")


def parse_kst(value: Any) -> float | None:
    """Epoch seconds from any Seoul API timestamp ('202105111500', '2021-10-14 18:06:56.0',
    '2026-08-11 18:00', '2026/08/18 02:00:10', '20261001'+'0600'); None when absent."""
    if value in (None, "", "-"):
        return None
    digits = "".join(_DIGITS.findall(str(value)))
    if len(digits) < 8:
        raise ParseError(f"not a timestamp: {value!r}")
    digits = (digits + "000000")[:14]
    try:
        moment = datetime.strptime(digits, "%Y%m%d%H%M%S")
    except ValueError:
        raise ParseError(f"not a timestamp: {value!r}") from None
    return moment.replace(tzinfo=KST).timestamp()


def kst_time(epoch: float | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An epoch time as Seoul local time for people to read; '-' when unknown."""
    return "-" if epoch is None else datetime.fromtimestamp(epoch, KST).strftime(fmt)


def number(value: Any, field: str) -> float | None:
    """A measured number: None when absent or under maintenance ("점검중"), else a float."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text in ("", "-", MAINTENANCE):
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise ParseError(f"{field} is not a number: {value!r}") from None


def integer(value: Any, field: str) -> int | None:
    result = number(value, field)
    return None if result is None else int(result)


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()
