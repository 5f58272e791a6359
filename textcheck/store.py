"""The results store of batch scans: SQLite (stdlib) in WAL mode.

Each checked disclosure is written in ONE transaction (its documents row and
all its diagnostics rows), so an interrupted scan — Ctrl-C or ``kill -9`` —
leaves only complete rows, and ``--resume`` can skip what is already there.
Only the coordinating process writes; workers return plain dicts.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from textcheck.errors import TextcheckError


class StoreError(TextcheckError):
    """The scan database cannot be opened or written (one line: not SQLite, locked, disk full …)."""


def _store_error(path: str, exc: sqlite3.Error) -> StoreError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "not a database" in reason or "malformed" in reason:
        reason = f"not a textcheck scan database ({reason})"
    elif "locked" in reason or "busy" in reason:
        reason = f"{reason}: another process holds the database; wait for it or use another --db"
    return StoreError(f"--db {path}: {reason}")

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,   -- the file, or "a.pdf + b.pdf" for a multi-volume disclosure
    files         TEXT NOT NULL,          -- JSON list of the files checked together
    sha256        TEXT,                   -- of the file (or of the volumes' hashes joined)
    department    TEXT,
    year          TEXT,
    format        TEXT,
    status        TEXT NOT NULL,          -- ok | error | timeout (error and timeout are re-tried on resume)
    error         TEXT,
    elapsed_ms    REAL,
    tool_version  TEXT NOT NULL,
    checked_at    TEXT NOT NULL,
    errors        INTEGER NOT NULL DEFAULT 0,
    warnings      INTEGER NOT NULL DEFAULT 0,
    infos         INTEGER NOT NULL DEFAULT 0,
    stats         TEXT
);
CREATE TABLE IF NOT EXISTS diagnostics (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    category      TEXT NOT NULL,
    severity      TEXT NOT NULL,
    message       TEXT NOT NULL,
    suggestion    TEXT,
    line          INTEGER,
    "column"      INTEGER,
    end_line      INTEGER,
    end_column    INTEGER,
    page          INTEGER,
    ref           TEXT,
    text          TEXT,
    related       TEXT,                   -- JSON list, as in the JSON contract
    fingerprint   TEXT
);
CREATE INDEX IF NOT EXISTS diagnostics_document ON diagnostics(document_id);
CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics(code);
"""


# Rules whose findings compare a disclosure with another (last year's budget: textcheck/rules/
# tc361.py, tc362.py; a final account with its year's budget: tc363.py): the summary counts them
# per department apart from the rest.
CROSS_YEAR_RULES = ("TC361", "TC362", "TC363")


class Store:
    BUSY_TIMEOUT_S = 30  # how long a write waits for another process's lock
    def __init__(self, path: str | Path):
        self.path = str(path)
        if Path(self.path).is_dir():
            raise StoreError(f"--db {self.path}: is a folder, name a database file")
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per document.
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.BUSY_TIMEOUT_S)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def is_current(self, path: str, sha256: str, tool_version: str) -> bool:
        """True when ``path`` was already checked with this content and tool version."""
        try:
            row = self.conn.execute(
                "SELECT sha256, tool_version, status FROM documents WHERE path = ?", (path,)).fetchone()
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None
        # A file that could not be read (or timed out) is tried again: the reader or
        # the limits may have changed, and the scan must not turn a failure into a skip.
        return bool(row) and row[0] == sha256 and row[1] == tool_version and row[2] == "ok"

    def write(self, result: dict) -> None:
        """Replace one disclosure's rows atomically."""
        diags = result.get("diagnostics", [])
        counts = {s: sum(1 for d in diags if d["severity"] == s) for s in ("error", "warning", "info")}
        try:
            self._write(result, diags, counts)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def _write(self, result: dict, diags: list[dict], counts: dict) -> None:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            c.execute("DELETE FROM documents WHERE path = ?", (result["path"],))
            cur = c.execute(
                "INSERT INTO documents (path, files, sha256, department, year, format, status, error,"
                " elapsed_ms, tool_version, checked_at, errors, warnings, infos, stats)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (result["path"], json.dumps(result["files"], ensure_ascii=False), result.get("sha256"),
                 result.get("department"), result.get("year"), result.get("format"),
                 result.get("status") or ("error" if result.get("error") else "ok"), result.get("error"),
                 result.get("elapsed_ms"),
                 result["tool_version"], datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 counts["error"], counts["warning"], counts["info"],
                 json.dumps(result.get("stats", {}), ensure_ascii=False)),
            )
            doc_id = cur.lastrowid
            c.executemany(
                'INSERT INTO diagnostics (document_id, code, name, category, severity, message, suggestion,'
                ' line, "column", end_line, end_column, page, ref, text, related, fingerprint)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, d["code"], d["name"], d["category"], d["severity"], d["message"], d.get("suggestion"),
                  d["location"]["line"], d["location"]["column"], d["location"]["end_line"],
                  d["location"]["end_column"], d["location"].get("page"), d["location"].get("ref"),
                  d["location"].get("text"), json.dumps(d.get("related", []), ensure_ascii=False),
                  d.get("fingerprint")) for d in diags],
            )
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    # -- reading back ---------------------------------------------------

    def documents(self) -> list[dict]:
        cur = self.conn.execute("SELECT * FROM documents ORDER BY department, path")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def findings(self) -> list[dict]:
        cur = self.conn.execute(
            'SELECT d.path, d.department, d.year, g.code, g.name, g.category, g.severity, g.message,'
            ' g.suggestion, g.line, g."column", g.page, g.ref, g.text, g.related, g.fingerprint'
            " FROM diagnostics g JOIN documents d ON d.id = g.document_id ORDER BY d.path, g.line, g.code")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def summary(self) -> dict:
        """Per department: documents, failed, errors, warnings, infos, worst rules; plus totals."""
        departments: dict[str, dict] = {}
        for doc in self.documents():
            dep = departments.setdefault(doc["department"] or "（未识别部门）", {
                "documents": 0, "failed": 0, "error": 0, "warning": 0, "info": 0, "rules": {},
                "cross_year": {"pairs": [], "error": 0, "warning": 0}})
            stats = json.loads(doc["stats"] or "{}")
            if stats.get("previous"):  # checked against another disclosure (scan's pairing)
                dep["cross_year"]["pairs"].append({"path": doc["path"], "year": doc["year"],
                                                   "previous": stats["previous"], "against": _against(stats)})
            dep["documents"] += 1
            dep["failed"] += doc["status"] != "ok"
            dep["error"] += doc["errors"]
            dep["warning"] += doc["warnings"]
            dep["info"] += doc["infos"]
        for row in self.conn.execute(
                "SELECT COALESCE(d.department, '（未识别部门）'), g.code, COUNT(*) FROM diagnostics g"
                " JOIN documents d ON d.id = g.document_id WHERE g.severity != 'info'"
                " GROUP BY 1, 2"):
            departments[row[0]]["rules"][row[1]] = row[2]
        marks = ",".join("?" * len(CROSS_YEAR_RULES))
        for row in self.conn.execute(
                "SELECT COALESCE(d.department, '（未识别部门）'), g.severity, COUNT(*) FROM diagnostics g"
                f" JOIN documents d ON d.id = g.document_id WHERE g.code IN ({marks}) AND g.severity != 'info'"
                " GROUP BY 1, 2", CROSS_YEAR_RULES):
            departments[row[0]]["cross_year"][row[1]] = row[2]
        for dep in departments.values():
            dep["worst_rules"] = [code for code, _ in sorted(dep.pop("rules").items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
        totals = {k: sum(d[k] for d in departments.values()) for k in ("documents", "failed", "error", "warning", "info")}
        slowest = [dict(path=r[0], elapsed_ms=r[1]) for r in self.conn.execute(
            "SELECT path, elapsed_ms FROM documents WHERE elapsed_ms IS NOT NULL ORDER BY elapsed_ms DESC LIMIT 5")]
        return {"departments": departments, "totals": totals, "slowest": slowest}


def _against(stats: dict) -> str:
    """What a paired disclosure was compared with: "budget" (a final account with its year's
    budget, TC363) or "previous-year" (last year's disclosure of the same kind, TC361/TC362)."""
    if stats.get("document_kind") == "final-account" and stats.get("previous_kind") == "department-budget":
        return "budget"
    return "previous-year"
