"""Command line: the kiosk itself (default) and the staff subcommands.

Each subsystem adds its own subcommands through a ``register(subparsers, common)`` function
listed in ``COMMAND_MODULES``; handlers are ``handler(args, config) -> exit code`` and import
heavy dependencies (Qt, models) only when they run."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import import_module

from kiosk import __version__
from kiosk.accessibility import TEXT_SCALES
from kiosk.config import ROLES, ConfigError, load_config

COMMAND_MODULES = (
    "offline_cache.cli",
    "offline_cache.connectors.cli",
    "kiosk.privacy.cli",
    "offline_cache.bundles.cli",
    "kiosk.staff_cli",
    "gestures.cli",
    "voice.cli",
)

EPILOG = """\
examples:
  main.py                                   full-screen station kiosk (홍대입구)
  main.py --role mayor --windowed           the mayor's office screen in a window
  main.py --screenshot home.png --page air  render one page offscreen and exit
  main.py cache show air_quality --json     what the local cache holds
"""


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the subcommand name."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("kiosk options")
    group.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="TOML config file (default: $KIOSK_CONFIG, /etc/seoul-kiosk/kiosk.toml)",
    )
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="data directory with the cache (default: $KIOSK_DATA_DIR, the config,"
        " ~/.local/share/seoul-kiosk)",
    )
    group.add_argument(
        "--role",
        choices=ROLES,
        default=argparse.SUPPRESS,
        help="station: public station kiosk (default); mayor: the mayor's office",
    )
    group.add_argument(
        "--station",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the kiosk's station, e.g. 홍대입구, 여의도, 창동",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=argparse.SUPPRESS,
        help="more log output (-vv for debug)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Seoul city kiosk (서울시 디지털 시민시장실 키오스크).",
        parents=[common],
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    run = parser.add_argument_group("running the kiosk")
    run.add_argument(
        "--windowed",
        action="store_true",
        help="a normal window instead of full screen (development)",
    )
    run.add_argument(
        "--screenshot", metavar="OUT.png", help="render a page offscreen, write the PNG and exit"
    )
    run.add_argument("--page", default="home", help="page id for --screenshot (default: home)")
    run.add_argument(
        "--size",
        default="1920x1080",
        metavar="WxH",
        help="window size for --screenshot (default: 1920x1080)",
    )
    run.add_argument("--lang", help="interface language for --screenshot (ko, en, zh, ja)")
    run.add_argument(
        "--text-scale",
        type=float,
        choices=TEXT_SCALES,
        default=1.0,
        help="text size for --screenshot: 1.0, 1.5 or 2.0 (200%%)",
    )
    run.add_argument(
        "--high-contrast", action="store_true", help="the high-contrast theme for --screenshot"
    )
    run.add_argument(
        "--low-reach",
        action="store_true",
        help="the low-reach (wheelchair) layout for --screenshot",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(name).register(sub, common)
    return parser


def setup_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(
        level=level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(getattr(args, "verbose", 0) + (0 if args.command else 1))
    try:
        config = load_config(
            getattr(args, "config", None),
            role=getattr(args, "role", None),
            station=getattr(args, "station", None),
            data_dir=getattr(args, "data_dir", None),
        )
    except ConfigError as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 2
    if args.command:
        return args.handler(args, config)
    from kiosk.shell.app import run_kiosk

    return run_kiosk(config, args)
