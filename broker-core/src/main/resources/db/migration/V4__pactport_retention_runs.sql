-- retention-service's history: one row per clean run (scheduled, catch-up or asked for over HTTP), for
-- GET /retention/runs and for operators who want to know what a clean deleted and how long it took.
CREATE TABLE pactport_retention_runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- schedule | catch-up | http
    run_trigger      text        NOT NULL,
    dry_run          boolean     NOT NULL,
    -- running | succeeded | failed | skipped (another replica was cleaning) | stopped (shutdown between batches)
    status           text        NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    versions_deleted integer     NOT NULL DEFAULT 0,
    versions_kept    integer,
    -- json, not jsonb: the reports keep the Pact Broker's key order
    -- the keep selectors the run used, the always-kept ones included
    selectors        json        NOT NULL,
    -- per table {"deleted": n, "kept": n} as the Pact Broker reports it; the dry-run report for a dry run
    result           json,
    message          text
);

CREATE INDEX pactport_retention_runs_started_idx ON pactport_retention_runs (started_at DESC);
