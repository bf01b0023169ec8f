"""The local cache: one SQLite file (WAL) holding every dataset's last good rows.

A dataset is replaced only as a whole: new rows go into a staging table first and are
swapped in with the metadata in one transaction, so readers see the old rows or the new,
never a mix, and a crash mid-write leaves the last good data in place."""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from offline_cache.datasets import DATASETS, dataset_info

log = logging.getLogger(__name__)

CACHE_FILENAME = "cache.sqlite3"
META_TABLE = "datasets"
Clock = Callable[[], float]


class CacheCorrupt(RuntimeError):
    """The cache file is not a readable SQLite database."""


@dataclass(frozen=True)
class DatasetUpdate:
    """A complete, validated new version of one dataset."""

    dataset: str
    rows: list[dict[str, Any]]
    source: str
    measured_at: float | None
    fetched_at: float | None = None  # defaults to now when stored
    sample: bool = False  # example content, shown with a "sample" tag
    schema_version: int = 1


@dataclass(frozen=True)
class DatasetStatus:
    """What the cache knows about one dataset, for widgets and the staff health screen."""

    dataset: str
    source: str | None = None
    fetched_at: float | None = None
    measured_at: float | None = None
    row_count: int = 0
    sample: bool = False
    schema_version: int | None = None
    last_success_at: float | None = None
    last_error: str | None = None
    last_error_at: float | None = None
    next_fetch_at: float | None = None

    @property
    def has_data(self) -> bool:
        return self.fetched_at is not None


@dataclass(frozen=True)
class Snapshot:
    """Rows of a dataset as a widget renders them, with their age."""

    status: DatasetStatus
    rows: list[dict[str, Any]] = field(default_factory=list)
    now: float = 0.0

    @property
    def age_s(self) -> float | None:
        """Seconds since the data was measured (or fetched, when the source has no time)."""
        reference = self.status.measured_at or self.status.fetched_at
        return None if reference is None else max(0.0, self.now - reference)

    @property
    def is_stale(self) -> bool:
        age = self.age_s
        return age is not None and age > dataset_info(self.status.dataset).stale_after_s

    @property
    def is_empty(self) -> bool:
        return not self.rows


def _table(dataset: str) -> str:
    dataset_info(dataset)  # reject unknown ids before they reach SQL
    return f"ds_{dataset}"


class CacheStore:
    """One connection to the cache file; use one store per thread."""

    def __init__(self, path: Path, clock: Clock = time.time):
        self.path = Path(path)
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(self.path, timeout=10)
            conn.execute("PRAGMA journal_mode=WAL")
            result = conn.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as exc:
            raise CacheCorrupt(f"{self.path}: {exc}") from exc
        if result is None or result[0] != "ok":
            conn.close()
            raise CacheCorrupt(f"{self.path}: integrity check failed: {result}")
        conn.execute("PRAGMA synchronous=NORMAL")
        self.db = sqlite_utils.Database(conn)
        self.db[META_TABLE].create(
            {
                "dataset": str,
                "source": str,
                "fetched_at": float,
                "measured_at": float,
                "row_count": int,
                "sample": int,
                "schema_version": int,
                "last_success_at": float,
                "last_error": str,
                "last_error_at": float,
                "next_fetch_at": float,
            },
            pk="dataset",
            if_not_exists=True,
        )

    def close(self) -> None:
        self.db.conn.close()

    # writing
    def replace(
        self,
        updates: Iterable[DatasetUpdate],
        *,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        """Swap in new versions of one or more datasets atomically (all or none).

        ``also`` runs inside the same transaction, for state that must change together with
        the data (the content version a bundle switches to); if it raises, nothing changes."""
        updates = list(updates)
        staged: list[tuple[DatasetUpdate, str]] = []
        try:
            for update in updates:
                staged.append((update, self._stage(update)))
            now = self.clock()
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                for update, staging in staged:
                    table = _table(update.dataset)
                    conn.execute(f"DROP TABLE IF EXISTS [{table}]")
                    if staging:
                        conn.execute(f"ALTER TABLE [{staging}] RENAME TO [{table}]")
                    conn.execute(
                        f"INSERT INTO [{META_TABLE}] (dataset, source, fetched_at, measured_at,"
                        " row_count, sample, schema_version, last_success_at, last_error,"
                        " last_error_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)"
                        " ON CONFLICT(dataset) DO UPDATE SET source=excluded.source,"
                        " fetched_at=excluded.fetched_at, measured_at=excluded.measured_at,"
                        " row_count=excluded.row_count, sample=excluded.sample,"
                        " schema_version=excluded.schema_version,"
                        " last_success_at=excluded.last_success_at,"
                        " last_error=NULL, last_error_at=NULL",
                        (
                            update.dataset,
                            update.source,
                            update.fetched_at if update.fetched_at is not None else now,
                            update.measured_at,
                            len(update.rows),
                            int(update.sample),
                            update.schema_version,
                            now,
                        ),
                    )
                if also is not None:
                    also(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            for _, staging in staged:
                if staging:
                    self.db.execute(f"DROP TABLE IF EXISTS [{staging}]")

    def _stage(self, update: DatasetUpdate) -> str:
        """Write the rows into a fresh staging table; '' when there are no rows."""
        if not update.rows:
            return ""
        info = dataset_info(update.dataset)
        staging = f"{_table(update.dataset)}__staging"
        self.db.execute(f"DROP TABLE IF EXISTS [{staging}]")
        rows = (
            {
                key: json.dumps(value, ensure_ascii=False) if key in info.json_columns else value
                for key, value in row.items()
            }
            for row in update.rows
        )
        table = self.db[staging]
        table.insert_all(rows, alter=True, batch_size=1000)
        for columns in info.indexes:
            if all(column in table.columns_dict for column in columns):
                # index names outlive the rename, so each version gets its own
                name = f"ix_{update.dataset}_{'_'.join(columns)}_{uuid.uuid4().hex[:8]}"
                table.create_index(columns, index_name=name)
        return staging

    def record_error(self, dataset: str, message: str) -> None:
        """Remember why the last fetch failed; the data itself stays as it was."""
        dataset_info(dataset)
        self.db.execute(
            f"INSERT INTO [{META_TABLE}] (dataset, last_error, last_error_at) VALUES (?, ?, ?)"
            " ON CONFLICT(dataset) DO UPDATE SET last_error=excluded.last_error,"
            " last_error_at=excluded.last_error_at",
            (dataset, message, self.clock()),
        )
        self.db.conn.commit()

    def set_next_fetch(self, dataset: str, when: float) -> None:
        dataset_info(dataset)
        self.db.execute(
            f"INSERT INTO [{META_TABLE}] (dataset, next_fetch_at) VALUES (?, ?)"
            " ON CONFLICT(dataset) DO UPDATE SET next_fetch_at=excluded.next_fetch_at",
            (dataset, when),
        )
        self.db.conn.commit()

    # reading
    def status(self, dataset: str) -> DatasetStatus:
        dataset_info(dataset)
        row = next(
            self.db.query(f"SELECT * FROM [{META_TABLE}] WHERE dataset = ?", [dataset]), None
        )
        if row is None:
            return DatasetStatus(dataset)
        row["sample"] = bool(row["sample"])
        return DatasetStatus(**row)

    def statuses(self) -> list[DatasetStatus]:
        """Every known dataset, in declaration order, whether it has data or not."""
        return [self.status(dataset) for dataset in DATASETS]

    def is_empty(self) -> bool:
        """True before anything was ever stored (a first run)."""
        return self.db[META_TABLE].count == 0

    def snapshot(
        self,
        dataset: str,
        *,
        where: str | None = None,
        params: Sequence[Any] | Mapping[str, Any] = (),
        order_by: str | None = None,
        limit: int | None = None,
    ) -> Snapshot:
        """The rows a widget needs (optionally filtered, ordered, limited) and their age.

        ``where`` and ``order_by`` are SQL written by widget models, never user input."""
        status = self.status(dataset)
        table = _table(dataset)
        rows: list[dict[str, Any]] = []
        if status.row_count and self.db[table].exists():
            sql = f"SELECT * FROM [{table}]"
            if where:
                sql += f" WHERE {where}"
            sql += f" ORDER BY {order_by}" if order_by else " ORDER BY rowid"
            if limit is not None:
                sql += f" LIMIT {int(limit)}"
            json_columns = dataset_info(dataset).json_columns
            for row in self.db.query(sql, params):
                for column in json_columns:
                    if isinstance(row.get(column), str):
                        row[column] = json.loads(row[column])
                rows.append(row)
        return Snapshot(status=status, rows=rows, now=self.clock())
