"""A real local HTTP server that answers like the Seoul, KMA and safetydata APIs.

It replays the recorded samples in ``tests/fixtures/seoul/samples`` with the real URL shapes,
paging (1-based inclusive, at most 1000 rows a call) and error envelopes, and can be told to
misbehave per API: time out, answer HTTP 500, trickle bytes, cut the body, send XML errors.
Used by the connector tests and by ``bench/live_data.py``."""

from __future__ import annotations

import copy
import dataclasses
import json
import random
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.conftest import SEOUL_SAMPLES

KEY = "test-key-0123456789abcdef"
DATA_GO_KR_KEY = "dgk+Secret/Key=="  # data.go.kr keys hold characters that need URL encoding
ERRORS = json.loads((SEOUL_SAMPLES / "errors.json").read_text(encoding="utf-8"))
XML_AUTH_ERROR = ERRORS[
    "openapi_seoul_auth_error_INFO-100 (arrives as XML even for /json/ requests;"
    " live servers wrap MESSAGE in CDATA) [as recorded in public test code]"
]
SAMPLE_KEY_LIMIT = ERRORS["openapi_seoul_sample_key_limit_ERROR-335 (XML even for /json/)"]
SEOUL_NO_DATA = ERRORS["openapi_seoul_no_data_INFO-200 (json, no service wrapper)"]
SUBWAY_NO_TRAINS = ERRORS[
    "swopenapi_subway_no_data_INFO-200 (top-level, no errorMessage wrapper)"
    " [verbatim, kass79/SinjeongCrewCalendar]"
]
# data.go.kr's gateway answers a bad key with this XML whatever format was asked for
KMA_KEY_ERROR = (
    "<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>"
    "<returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg>"
    "<returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>"
)
# openapi.seoul.go.kr table services: service name -> JSON wrapper
WRAPPERS = {
    "RealtimeCityAir": "RealtimeCityAir",
    "bikeList": "rentBikeStatus",
    "SearchPublicToiletPOIService": "SearchPublicToiletPOIService",
}


def sample(name: str) -> Any:
    return json.loads((SEOUL_SAMPLES / name).read_text(encoding="utf-8"))


def to_body(doc: Any) -> bytes:
    return doc.encode() if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False).encode()


def bike_rows(count: int, lat: float, lon: float, radius_m: float = 900.0) -> list[dict]:
    """``count`` bikeList rows (real field names and string values) around a position."""
    template = sample("bikeList.json")["rentBikeStatus"]["row"]
    rng = random.Random(count)
    rows = []
    for n in range(count):
        row = dict(template[n % len(template)])
        dy, dx = (rng.uniform(-radius_m, radius_m) / 111_000 for _ in range(2))
        row.update(
            stationId=f"ST-{n + 1}",
            stationName=f"{n + 1}. {row['stationName'].split('. ', 1)[-1]}",
            stationLatitude=f"{lat + dy:.8f}",
            stationLongitude=f"{lon + dx / 0.79:.8f}",  # cos(37.5°): metres per degree east
            parkingBikeTotCnt=str(rng.randint(0, 20)),
        )
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Reply:
    """A scripted answer: status and body, optionally stalled, trickled or cut off."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/json;charset=UTF-8"
    delay_s: float = 0.0  # before anything is sent (the client times out)
    chunk_delay_s: float = 0.0  # between 64-byte chunks (a slow server)
    cut_at: int | None = None  # drop the connection after this many body bytes


HTTP_500 = Reply(b"<html><body>500</body></html>", status=500, content_type="text/html")
XML_ERROR = Reply(XML_AUTH_ERROR.encode(), content_type="text/xml;charset=UTF-8")


class SeoulReplayServer:
    """Start with ``with SeoulReplayServer() as server:``; ``server.url`` is its base URL."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict]] = {
            "RealtimeCityAir": sample("RealtimeCityAir.current_schema.RECONSTRUCTED.json")[
                "RealtimeCityAir"
            ]["row"],
            "bikeList": sample("bikeList.json")["rentBikeStatus"]["row"],
            "SearchPublicToiletPOIService": sample(
                "SearchPublicToiletPOIService.RECONSTRUCTED.json"
            )["SearchPublicToiletPOIService"]["row"],
        }
        place = sample("citydata.json")
        self.citydata: dict[str, dict] = {place["CITYDATA"]["AREA_NM"]: place}
        self.arrivals = sample("realtimeStationArrival.json")
        self.nowcast = sample("kma_getUltraSrtNcst.json")
        self.alerts = sample("disaster_msg_safetydata_DSSP-IF-00247.json")
        self.scripted: dict[str, deque[Reply]] = {}
        self.requests: list[str] = []  # raw paths with query, in order
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    # test controls
    def script(self, api: str, *replies: Reply) -> None:
        """Answer the next requests to ``api`` (a service name) with these replies, in order."""
        with self._lock:
            self.scripted.setdefault(api, deque()).extend(replies)

    def add_place(self, area: str) -> None:
        """Serve citydata for another hotspot (the sample's content under that name)."""
        place = copy.deepcopy(next(iter(self.citydata.values())))
        place["CITYDATA"]["AREA_NM"] = area
        self.citydata[area] = place

    def count(self, api: str) -> int:
        return sum(api in unquote(path) for path in self.requests)

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def environ(self) -> dict[str, str]:
        """Environment variables that point every connector here, with test keys."""
        return {
            "SEOUL_API_KEY": KEY,
            "DATA_GO_KR_API_KEY": DATA_GO_KR_KEY,
            "SAFETYDATA_API_KEY": KEY,
            "SEOUL_API_BASE": f"{self.url}/seoul",
            "SEOUL_SUBWAY_API_BASE": f"{self.url}/subway",
            "KMA_API_BASE": f"{self.url}/kma",
            "SAFETYDATA_API_BASE": f"{self.url}/safety",
        }

    def __enter__(self) -> SeoulReplayServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as separate writes

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server._handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()

    # answering
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append(handler.path)
        parts = urlsplit(handler.path)
        segments = [unquote(s) for s in parts.path.strip("/").split("/")]
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        api = next((name for name in self._apis() if name in segments), "")
        with self._lock:
            queue = self.scripted.get(api)
            reply = queue.popleft() if queue else None
        if reply is None:
            reply = Reply(to_body(self._replay(segments, query)))
        self._send(handler, reply)

    @staticmethod
    def _apis() -> tuple[str, ...]:
        return (
            *WRAPPERS,
            "citydata",
            "realtimeStationArrival",
            "getUltraSrtNcst",
            "DSSP-IF-00247",
        )

    def _replay(self, segments: list[str], query: dict[str, str]) -> Any:
        area = segments[0]
        if area == "seoul":
            key, _format, service, start, end, *params = segments[1:]
            first, last = int(start), int(end)
            if key == "sample" and last - first + 1 > 5:
                return SAMPLE_KEY_LIMIT
            if key not in (KEY, "sample"):
                return XML_AUTH_ERROR
            if service == "citydata":
                place = self.citydata.get(params[0] if params else "")
                return place if place else SEOUL_NO_DATA
            if last - first + 1 > 1000:
                message = ERRORS["openapi_seoul_code_table"]["ERROR-336"]
                return {"RESULT": {"CODE": "ERROR-336", "MESSAGE": message}}
            rows = self.tables.get(service, [])
            if not rows:
                return SEOUL_NO_DATA
            return {
                WRAPPERS[service]: {
                    "list_total_count": len(rows),
                    "RESULT": {"CODE": "INFO-000", "MESSAGE": "정상 처리되었습니다."},
                    "row": rows[first - 1 : last],
                }
            }
        if area == "subway":
            if segments[3] != KEY:
                return ERRORS["swopenapi_subway_bad_key (as recorded in public test code)"]
            return self.arrivals
        if area == "kma":
            return self.nowcast if query.get("serviceKey") == DATA_GO_KR_KEY else KMA_KEY_ERROR
        if area == "safety":
            if query.get("serviceKey") != KEY:
                return ERRORS["safetydata_bad_key [verbatim per source]"]
            page, size = int(query.get("pageNo", 1)), int(query.get("numOfRows", 10))
            rows = self.alerts["body"]
            return {
                **self.alerts,
                "pageNo": page,
                "numOfRows": size,
                "totalCount": len(rows),
                "body": rows[(page - 1) * size : page * size],
            }
        return {"RESULT": {"CODE": "ERROR-310", "MESSAGE": "해당하는 서비스를 찾을 수 없습니다."}}

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        try:
            if reply.delay_s:
                time.sleep(reply.delay_s)
            handler.send_response(reply.status)
            handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(reply.body)))
            handler.end_headers()
            body = reply.body if reply.cut_at is None else reply.body[: reply.cut_at]
            size = 64 if reply.chunk_delay_s else max(len(body), 1)
            for offset in range(0, len(body), size):
                handler.wfile.write(body[offset : offset + size])
                handler.wfile.flush()
                time.sleep(reply.chunk_delay_s)
            if reply.cut_at is not None:
                handler.close_connection = True
                handler.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # the client gave up (timeout test): nothing left to do


def live_settings(
    server: SeoulReplayServer,
    station: str = "홍대입구",
    env: dict[str, str] | None = None,
    **changes: Any,
):
    """Connector settings pointing at ``server``, with short timeouts and no backoff pauses."""
    from kiosk.config import load_config
    from offline_cache.connectors.settings import LiveSettings

    environ = {**server.environ(), **(env or {})}
    base = LiveSettings.from_config(load_config(None, station=station), environ)
    quick = {"timeout_s": 0.5, "max_response_s": 2.0, "attempts": 3, "backoff_s": 0.0}
    return dataclasses.replace(base, **{**quick, **changes})
