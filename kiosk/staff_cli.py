"""``main.py status`` (the health report) and ``main.py staff-pin`` (hash a staff PIN)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from kiosk.config import KioskConfig
from kiosk.i18n import LANGUAGES


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    status = sub.add_parser(
        "status",
        parents=[common],
        help="the health report the staff screen shows (exit 1 when it lists problems)",
        description="Print the kiosk's health report: versions, whether the kiosk is running,"
        " uptime, last touch, memory, disk, every device and service status, each dataset's"
        " age and last error, and the problems staff should act on. Exit status: 0 no"
        " problems, 1 problems listed.",
    )
    status.add_argument("--json", action="store_true", help="print the report as JSON")
    status.add_argument(
        "--lang", choices=LANGUAGES, help="text language (default: the config's first)"
    )
    status.set_defaults(handler=cmd_status)
    pin = sub.add_parser(
        "staff-pin",
        parents=[common],
        help="hash a staff PIN for [staff] pin_hash in the config",
        description="Reads a PIN (4-12 digits) twice from the terminal, or once from standard"
        " input when it is not a terminal, and prints the config line to paste into [staff].",
    )
    pin.set_defaults(handler=cmd_staff_pin)


def cmd_status(args: argparse.Namespace, config: KioskConfig) -> int:
    from kiosk.config import ConfigError
    from kiosk.health import report_for_data_dir
    from kiosk.health_text import format_text

    try:
        report = report_for_data_dir(config)
    except ConfigError as exc:
        print(f"status: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_text(report, args.lang or config.default_language))
    return 1 if report.problems else 0


def cmd_staff_pin(args: argparse.Namespace, config: KioskConfig) -> int:
    from kiosk.staff_pin import PinError, check_pin_format, hash_pin

    try:
        if sys.stdin.isatty():
            pin = getpass.getpass("staff PIN: ")
            if getpass.getpass("again: ") != pin:
                print("staff-pin: the two PINs differ", file=sys.stderr)
                return 1
        else:
            pin = sys.stdin.readline().strip()
        check_pin_format(pin)
    except PinError as exc:
        print(f"staff-pin: {exc}", file=sys.stderr)
        return 1
    print("[staff]")
    print(f'pin_hash = "{hash_pin(pin)}"')
    return 0
