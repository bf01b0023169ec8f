"""``main.py fetch``: run the live-data connectors now, or show each dataset's fetch status."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import TYPE_CHECKING, Any

from kiosk.config import ConfigError, KioskConfig
from offline_cache.connectors.settings import DEFAULT_INTERVALS_S, LiveSettings
from offline_cache.parsers.envelope import kst_time
from offline_cache.startup import open_cache
from offline_cache.store import CacheStore

if TYPE_CHECKING:  # the connectors (httpx) load only when the command runs
    from offline_cache.connectors.refresher import Outcome

LIVE_DATASETS = tuple(DEFAULT_INTERVALS_S)

SECONDS = "%Y-%m-%d %H:%M:%S"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    fetch = sub.add_parser(
        "fetch",
        parents=[common],
        help="fetch live data from the Seoul APIs into the cache",
        description="Fetch live data into the cache: once (--once), or on the refresh schedule"
        " until interrupted. Keys: $SEOUL_API_KEY, $DATA_GO_KR_API_KEY, $SAFETYDATA_API_KEY"
        " or the config's [api] table.",
    )
    fetch.add_argument(
        "datasets",
        nargs="*",
        metavar="DATASET",
        help=f"only these (default: all): {', '.join(LIVE_DATASETS)}",
    )
    fetch.add_argument("--once", action="store_true", help="fetch each dataset once and exit")
    fetch.add_argument(
        "--status",
        action="store_true",
        help="show each dataset's last success, last error and next fetch (no network)",
    )
    fetch.add_argument("--json", action="store_true", help="machine-readable output")
    fetch.set_defaults(handler=cmd_fetch)


def cmd_fetch(args: argparse.Namespace, config: KioskConfig) -> int:
    unknown = [name for name in args.datasets if name not in LIVE_DATASETS]
    if unknown:
        print(
            f"fetch: unknown dataset {', '.join(unknown)}; known: {', '.join(LIVE_DATASETS)}",
            file=sys.stderr,
        )
        return 2
    if args.status:
        return show_status(open_cache(config.data_dir), args.datasets or None, args.json)
    try:
        settings = LiveSettings.from_config(config)
    except ConfigError as exc:
        print(f"fetch: {exc}", file=sys.stderr)
        return 2
    from offline_cache.connectors.redact import install_log_redaction
    from offline_cache.connectors.refresher import Refresher, RefreshThread, plan

    install_log_redaction()
    requested = args.datasets or None
    active, skipped = plan(settings, requested)
    for dataset, reason in skipped.items():
        _print_line(args.json, {"dataset": dataset, "ok": False, "skipped": reason})
    if not active:
        print("fetch: nothing to fetch (no API key configured?)", file=sys.stderr)
        return 2
    if args.once:
        store = open_cache(config.data_dir)
        refresher = Refresher(store, settings, datasets=requested, scheduled=False)
        try:
            outcomes = [_report(outcome, args.json) for outcome in refresher.run_once()]
        finally:
            refresher.close()
        failed = any(not outcome.ok for outcome in outcomes)
        return 1 if failed or (requested and skipped) else 0
    thread = RefreshThread(
        config.data_dir, settings, lambda outcome: _report(outcome, args.json), datasets=requested
    )
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.5)
    except KeyboardInterrupt:
        thread.stop()
    return 0


def _report(outcome: Outcome, as_json: bool) -> Outcome:
    if as_json:
        _print_line(True, dataclasses.asdict(outcome))
    else:
        when = kst_time(outcome.next_at, "%H:%M:%S") if outcome.next_at else None
        print(outcome.summary() + (f" (next fetch {when})" if when else ""), flush=True)
    return outcome


def _print_line(as_json: bool, record: dict[str, Any]) -> None:
    if as_json:
        print(json.dumps(record, ensure_ascii=False), flush=True)
    else:
        print(f"{record['dataset']}: skipped: {record['skipped']}", flush=True)


def show_status(store: CacheStore, datasets: list[str] | None, as_json: bool) -> int:
    """Per dataset: what the cache holds, last success, last error, next fetch."""
    records = []
    for status in store.statuses():
        if datasets and status.dataset not in datasets:
            continue
        snapshot = store.snapshot(status.dataset, limit=0)
        records.append({**dataclasses.asdict(status), "stale": snapshot.is_stale})
    if as_json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for record in records:
        kind = "sample content" if record["sample"] else record["source"] or "no data"
        stale = ", STALE" if record["stale"] else ""
        print(f"{record['dataset']}: {record['row_count'] or 0} rows ({kind}{stale})")
        print(f"  measured      {kst_time(record['measured_at'], SECONDS)}")
        print(f"  last success  {kst_time(record['last_success_at'], SECONDS)}")
        error = record["last_error"]
        if error:
            print(f"  last error    {kst_time(record['last_error_at'], SECONDS)}  {error}")
        else:
            print("  last error    -")
        print(f"  next fetch    {kst_time(record['next_fetch_at'], SECONDS)}")
    print("times are Seoul time (KST)")
    return 0
