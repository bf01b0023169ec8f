"""``main.py cache``: import saved Seoul API responses and show what the cache holds."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.config import KioskConfig
from offline_cache.datasets import DATASETS
from offline_cache.parsers import SERVICES, ApiError, ParseError, parse_response
from offline_cache.parsers.envelope import kst_time
from offline_cache.startup import open_cache


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cache = sub.add_parser(
        "cache", parents=[common], help="import into and inspect the local cache"
    )
    actions = cache.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import", parents=[common], help="ingest a saved Seoul API response (JSON file)"
    )
    imp.add_argument("service", metavar="SERVICE", help=f"one of: {', '.join(SERVICES)}")
    imp.add_argument("file", metavar="FILE.json", type=Path)
    imp.set_defaults(handler=cmd_import)
    show = actions.add_parser("show", parents=[common], help="print what the cache holds")
    show.add_argument(
        "dataset", metavar="DATASET", choices=list(DATASETS), help=f"one of: {', '.join(DATASETS)}"
    )
    show.add_argument("--json", action="store_true", help="a JSON array of the normalized rows")
    show.set_defaults(handler=cmd_show)


def cmd_import(args: argparse.Namespace, config: KioskConfig) -> int:
    try:
        body = args.file.read_bytes()
    except OSError as exc:
        print(f"cache import: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        updates = parse_response(args.service, body)
    except KeyError as exc:  # unknown service
        print(f"cache import: {exc}", file=sys.stderr)
        return 2
    except ApiError as exc:
        print(
            f"cache import: {args.file} is an error response from the API ({exc.code}:"
            f" {exc.message}); the cache was not changed",
            file=sys.stderr,
        )
        return 1
    except ParseError as exc:
        print(
            f"cache import: {args.file} is not a usable {args.service} response ({exc});"
            " the cache was not changed",
            file=sys.stderr,
        )
        return 1
    store = open_cache(config.data_dir)
    store.replace(updates)
    for update in updates:
        print(f"{update.dataset}: {len(update.rows)} rows stored from {args.service}")
    return 0


def cmd_show(args: argparse.Namespace, config: KioskConfig) -> int:
    store = open_cache(config.data_dir)
    snapshot = store.snapshot(args.dataset)
    if args.json:
        json.dump(snapshot.rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    status = snapshot.status
    print(
        f"{args.dataset}: {status.row_count} rows from {status.source or '-'}"
        f"{' (sample content)' if status.sample else ''}"
    )
    print(
        f"  measured {kst_time(status.measured_at)} KST, fetched {kst_time(status.fetched_at)} KST"
        f"{', STALE' if snapshot.is_stale else ''}"
    )
    if status.last_error:
        print(f"  last error at {kst_time(status.last_error_at)}: {status.last_error}")
    for row in snapshot.rows:
        print(
            "  " + ", ".join(f"{k}={v}" for k, v in row.items() if not isinstance(v, (list, dict)))
        )
    return 0
