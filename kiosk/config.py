"""Kiosk configuration: a TOML file, overridden by environment variables and the command line.

Precedence for every setting: command line > environment > config file > role default.
Subsystems read their own tables (``[voice]``, ``[api]``, ...) through ``section()`` so adding
one never touches this module."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.i18n import LANGUAGES
from kiosk.reference import Site, find_site

ROLES = ("station", "mayor")
SUPPORTED_LANGUAGES = LANGUAGES  # ko, en, zh, ja: every text exists in all of them
SYSTEM_CONFIG = Path("/etc/seoul-kiosk/kiosk.toml")
DEFAULT_SITE = {"station": "홍대입구", "mayor": "city_hall"}


class ConfigError(ValueError):
    """The configuration cannot be used; the message says which setting and why."""


@dataclass(frozen=True)
class IdleSettings:
    timeout_s: float  # 0 disables the idle reset
    countdown_s: float = 10.0
    attract_interval_s: float = 12.0


@dataclass(frozen=True)
class KioskConfig:
    role: str
    site: Site
    languages: tuple[str, ...]
    data_dir: Path
    idle: IdleSettings
    source_path: Path | None = None
    sections: Mapping[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        """A subsystem's own table of the config file (empty when absent)."""
        value = self.sections.get(name, {})
        return dict(value) if isinstance(value, Mapping) else {}

    @property
    def default_language(self) -> str:
        return self.languages[0]


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local/share")
    return Path(base) / "seoul-kiosk"


def config_path(explicit: str | os.PathLike[str] | None) -> Path | None:
    """The config file in use: --config, else $KIOSK_CONFIG, else /etc/seoul-kiosk/kiosk.toml."""
    if explicit:
        return Path(explicit)
    if os.environ.get("KIOSK_CONFIG"):
        return Path(os.environ["KIOSK_CONFIG"])
    return SYSTEM_CONFIG if SYSTEM_CONFIG.exists() else None


def load_config(
    path: str | os.PathLike[str] | None = None,
    *,
    role: str | None = None,
    station: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
) -> KioskConfig:
    """Read the config file (if any) and apply environment and command-line overrides."""
    source = config_path(path)
    raw: dict[str, Any] = {}
    if source is not None:
        try:
            raw = tomllib.loads(source.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {source}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {source} is not valid TOML: {exc}") from None

    chosen_role = role or raw.get("role") or "station"
    if chosen_role not in ROLES:
        raise ConfigError(f"role must be one of {', '.join(ROLES)}, not {chosen_role!r}")

    site = _site(station, raw, chosen_role)
    languages = tuple(raw.get("languages") or SUPPORTED_LANGUAGES)
    unknown = [lang for lang in languages if lang not in SUPPORTED_LANGUAGES]
    if unknown:
        raise ConfigError(
            f"unsupported languages {unknown}; supported: {', '.join(SUPPORTED_LANGUAGES)}"
        )

    chosen_dir = data_dir or os.environ.get("KIOSK_DATA_DIR") or raw.get("data_dir")
    idle_raw = raw.get("idle", {})
    default_timeout = 60.0 if chosen_role == "station" else 0.0
    try:
        idle = IdleSettings(
            timeout_s=float(idle_raw.get("timeout_s", default_timeout)),
            countdown_s=float(idle_raw.get("countdown_s", 10.0)),
            attract_interval_s=float(idle_raw.get("attract_interval_s", 12.0)),
        )
    except (TypeError, ValueError):
        raise ConfigError(
            "[idle] timeout_s, countdown_s and attract_interval_s must be numbers"
        ) from None

    return KioskConfig(
        role=chosen_role,
        site=site,
        languages=languages,
        data_dir=Path(chosen_dir).expanduser() if chosen_dir else default_data_dir(),
        idle=idle,
        source_path=source,
        sections={k: v for k, v in raw.items() if isinstance(v, dict)},
    )


def _site(station: str | None, raw: Mapping[str, Any], role: str) -> Site:
    """The kiosk's site: --station, else a [site] table, else `station =`, else the role's default."""
    custom = raw.get("site")
    if station is None and isinstance(custom, Mapping):
        try:
            return Site(
                id=str(custom.get("id", "custom")),
                name_ko=str(custom["name_ko"]),
                name_en=str(custom.get("name_en", custom["name_ko"])),
                lat=float(custom["lat"]),
                lon=float(custom["lon"]),
                subway_station=str(custom.get("subway_station", "")),
                lines=tuple(str(line) for line in custom.get("lines", ())),
                name_zh=str(custom.get("name_zh", "")),
                name_ja=str(custom.get("name_ja", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"[site] needs name_ko, lat and lon ({exc})") from None
    name = station or raw.get("station") or DEFAULT_SITE[role]
    site = find_site(str(name))
    if site is None:
        from kiosk.reference import sites

        known = ", ".join(s.subway_station for s in sites())
        raise ConfigError(f"unknown station {name!r}; known: {known} (or give a [site] table)")
    return site
