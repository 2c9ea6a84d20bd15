"""Ordered schema migrations, recorded in ``schema_migrations``.

The SQL is the common subset of SQLite and PostgreSQL: TEXT timestamps in ISO 8601 UTC (they
sort as text), INTEGER counters, no engine-specific types. A migration is applied in one
transaction together with its ``schema_migrations`` row, so a crash leaves either all or none.
Never edit a released migration; append a new one.
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    statements: tuple[str, ...]
    by_dialect: dict[str, tuple[str, ...]] = {}
    """Statements run after ``statements`` only on that dialect (``sqlite``, ``postgresql``):
    where the common subset has no way to say it (reading JSON text, say)."""


BOOTSTRAP = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "runs, actions and saved plans", (
        """CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            automation TEXT NOT NULL,
            contract_version TEXT NOT NULL,
            mode TEXT NOT NULL,
            status TEXT NOT NULL,
            exit_code INTEGER,
            actor TEXT,
            idempotency_key TEXT,
            request_json TEXT NOT NULL,
            plan_id TEXT,
            plan_fingerprint TEXT,
            result_json TEXT,
            runtime_json TEXT NOT NULL,
            error_type TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT
        )""",
        "CREATE INDEX runs_by_automation ON runs (automation, started_at)",
        "CREATE INDEX runs_by_status ON runs (status, started_at)",
        "CREATE INDEX runs_by_key ON runs (idempotency_key)",
        """CREATE TABLE actions (
            run_id TEXT NOT NULL REFERENCES runs (id),
            seq INTEGER NOT NULL,
            action_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            started_at TEXT,
            finished_at TEXT,
            PRIMARY KEY (run_id, action_id)
        )""",
        """CREATE TABLE plans (
            id TEXT PRIMARY KEY,
            automation TEXT NOT NULL,
            contract_version TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            document_json TEXT NOT NULL,
            created_by TEXT,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            applied_run_id TEXT,
            applied_at TEXT
        )""",
    )),
    Migration(2, "idempotency keys, leases with fencing tokens", (
        "ALTER TABLE runs ADD COLUMN request_hash TEXT",
        "ALTER TABLE runs ADD COLUMN key_source TEXT",
        "CREATE INDEX runs_by_automation_key ON runs (automation, idempotency_key, started_at)",
        """CREATE TABLE locks (
            scope TEXT PRIMARY KEY,
            run_id TEXT NOT NULL,
            token INTEGER NOT NULL,
            actor TEXT,
            host TEXT,
            pid INTEGER,
            acquired_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""",
        """CREATE TABLE lock_tokens (
            scope TEXT PRIMARY KEY,
            last_token INTEGER NOT NULL
        )""",
        """CREATE TABLE lock_events (
            scope TEXT NOT NULL,
            event TEXT NOT NULL,
            run_id TEXT,
            token INTEGER,
            actor TEXT,
            reason TEXT,
            at TEXT NOT NULL
        )""",
    )),
    Migration(3, "hash-chained audit trail, approvals", (
        """CREATE TABLE audit_events (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            run_id TEXT,
            plan_id TEXT,
            actor TEXT NOT NULL,
            payload_json TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
        "CREATE INDEX audit_events_by_run ON audit_events (run_id, seq)",
        """CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL
        )""",
        "INSERT INTO audit_head (id, seq, hash) VALUES "
        "(1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
        """CREATE TABLE approvals (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
            actor TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            UNIQUE (plan_id, actor)
        )""",
        "CREATE INDEX approvals_by_plan ON approvals (plan_id)",
    )),
    Migration(4, "lease holder's process identity; the opsctl version of each migration", (
        # boot id, pid namespace, pid and process start time of the holder: a lease whose
        # holder process is provably gone on this machine is taken over without waiting.
        "ALTER TABLE locks ADD COLUMN process TEXT",
        "ALTER TABLE schema_migrations ADD COLUMN opsctl_version TEXT",
    )),
    Migration(5, "audit events by plan", (
        # apply --plan and approve cross-check a plan's rows against its events
        "CREATE INDEX audit_events_by_plan ON audit_events (plan_id, seq)",
    )),
    Migration(6, "API tokens, run events, run history pages", (
        # A token is stored only as its SHA-256; ``automations``/``environments`` are globs.
        """CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            automations TEXT NOT NULL,
            environments TEXT NOT NULL,
            description TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            revoked_at TEXT,
            revoked_by TEXT,
            rotated_at TEXT,
            last_used_at TEXT
        )""",
        # What a run did, in order: journal records and log lines; seq numbers one run's events
        # (the Server-Sent Events id), so a reader resumes after the last one it saw.
        """CREATE TABLE run_events (
            run_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            data_json TEXT NOT NULL,
            PRIMARY KEY (run_id, seq)
        )""",
        # Run ids are time-ordered (ULIDs): pages of history walk these indexes by id.
        "CREATE INDEX runs_page_by_automation ON runs (automation, id)",
        "CREATE INDEX runs_page_by_status ON runs (status, id)",
        "CREATE INDEX runs_page_by_actor ON runs (actor, id)",
    )),
    Migration(7, "finished runs by automation, for metrics and SLOs", (
        # Covers what /metrics and `opsctl slo` aggregate (outcome counts, windows by finish
        # time). Durations come from the attempt that finished each run (attempt_ms,
        # migration 12; observe.slo.run_duration_sql), read beside this index.
        "CREATE INDEX runs_by_finish ON runs "
        "(automation, finished_at, mode, status, exit_code, started_at)",
    )),
    Migration(8, "dashboard logins", (
        # A login is found by the SHA-256 of its id (the cookie holds the id itself): reading
        # this table is no way to log in. ``token_id`` names an API token (re-read on every
        # page); ``principal_json`` the verified OIDC identity. Logout sets ``revoked_at``.
        """CREATE TABLE dashboard_sessions (
            id_hash TEXT PRIMARY KEY,
            actor TEXT NOT NULL,
            token_id TEXT,
            principal_json TEXT,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            revoked_at TEXT
        )""",
        "CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions (expires_at)",
    )),
    Migration(9, "claims of queued runs and fanned-out chunks", (
        # A run carried out by a remote executor (``executor``) is claimed by one worker at a
        # time: ``claim_token`` grows with every claim, ``claim_until`` is the claim's lease
        # (renewed by a heartbeat), ``claim_process`` the claimer's process identity (a claimer
        # on the same machine that is gone is taken over at once). ``woken_at``: the last
        # wake-up the sweeper sent, so several sweepers do not all send one.
        "ALTER TABLE runs ADD COLUMN executor TEXT",
        "ALTER TABLE runs ADD COLUMN claim_owner TEXT",
        "ALTER TABLE runs ADD COLUMN claim_process TEXT",
        "ALTER TABLE runs ADD COLUMN claim_until TEXT",
        "ALTER TABLE runs ADD COLUMN claim_token INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE runs ADD COLUMN woken_at TEXT",
        "CREATE INDEX runs_by_executor ON runs (executor, status)",
        # A fanned-out run's actions in chunks: one worker claims a chunk (``attempt`` grows
        # with every claim and fences the chunk's journal writes), ``claim_until`` is renewed
        # by its heartbeat; the run's coordinator re-offers a chunk whose claimer is gone.
        """CREATE TABLE run_chunks (
            run_id TEXT NOT NULL,
            chunk INTEGER NOT NULL,
            actions_json TEXT NOT NULL,
            status TEXT NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 0,
            owner TEXT,
            process TEXT,
            claim_until TEXT,
            reason TEXT,
            PRIMARY KEY (run_id, chunk)
        )""",
    )),
    Migration(10, "schedules and their fires", (
        # A schedule declared in opsctl.toml (source 'config', synced when a scheduler starts)
        # or added with `opsctl schedule add` (source 'cli'). ``last_slot``: the latest slot a
        # scheduler handled (UTC); ``problem``: why a declared schedule is not fired.
        """CREATE TABLE schedules (
            name TEXT PRIMARY KEY,
            automation TEXT NOT NULL,
            cron TEXT NOT NULL,
            timezone TEXT NOT NULL,
            request_json TEXT NOT NULL,
            request_file TEXT,
            concurrency TEXT NOT NULL,
            misfire TEXT NOT NULL,
            grace_s INTEGER NOT NULL,
            max_catchup INTEGER NOT NULL,
            paused INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL,
            problem TEXT,
            last_slot TEXT,
            last_run_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # One row per slot a scheduler acted on: whoever inserts it fires it (the primary key
        # makes two schedulers fire a slot once). outcome: fired | skipped | misfired | invalid.
        """CREATE TABLE schedule_fires (
            schedule TEXT NOT NULL,
            slot TEXT NOT NULL,
            outcome TEXT NOT NULL,
            reason TEXT,
            run_id TEXT,
            at TEXT NOT NULL,
            scheduler TEXT,
            PRIMARY KEY (schedule, slot)
        )""",
        # `concurrency = "replace"` asks a schedule's previous run to stop gracefully.
        "ALTER TABLE runs ADD COLUMN cancel_requested_at TEXT",
    )),
    Migration(11, "run history by start time; audit checkpoints", (
        # `opsctl runs` and GET /v1/runs page newest first by (started_at, id), filtered or not:
        # each page is a range scan of one of these from the cursor, never a scan and a sort.
        # They supersede the (automation, started_at) and (status, started_at) indexes.
        "CREATE INDEX runs_by_start ON runs (started_at, id)",
        "CREATE INDEX runs_by_automation_start ON runs (automation, started_at, id)",
        "CREATE INDEX runs_by_status_start ON runs (status, started_at, id)",
        "CREATE INDEX runs_by_actor_start ON runs (actor, started_at, id)",
        "DROP INDEX runs_by_automation",
        "DROP INDEX runs_by_status",
        # The head of the chain (seq, hash) as of a full `opsctl audit verify` that passed:
        # `audit verify --since SEQ` starts from the newest checkpoint at or before SEQ.
        """CREATE TABLE audit_checkpoints (
            seq INTEGER PRIMARY KEY,
            hash TEXT NOT NULL,
            actor TEXT,
            recorded_at TEXT NOT NULL
        )""",
    )),
    Migration(12, "the duration of the attempt that finished a run", (
        # A resumed run keeps its first attempt's started_at, so finished_at - started_at
        # counts the time it lay dead between a crash and its resume; /metrics and `opsctl
        # slo` take a run's duration from here (observe.slo.run_duration_sql), where they
        # parsed every result's JSON per scrape. Written with the result (finish_run).
        "ALTER TABLE runs ADD COLUMN attempt_ms INTEGER",
    ), {
        "sqlite": ("UPDATE runs SET attempt_ms = json_extract(result_json, '$.timing.duration_ms') "
                   "WHERE result_json IS NOT NULL AND json_valid(result_json)",),
        "postgresql": ("UPDATE runs SET attempt_ms = CAST(json_extract_path_text(CAST(result_json "
                       "AS json), 'timing', 'duration_ms') AS double precision) "
                       "WHERE result_json IS NOT NULL",),
    }),
    Migration(13, "whether a schedule's pause is its declaration's", (
        # `paused = true` in a [[schedules]] table, as against `opsctl schedule pause`: an
        # edit of the file to `paused = false` lifts the first, never the second.
        "ALTER TABLE schedules ADD COLUMN paused_in_config INTEGER NOT NULL DEFAULT 0",
    )),
)
