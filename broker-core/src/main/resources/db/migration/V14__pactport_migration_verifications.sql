-- The outcome of every `migration-service verify`: when a takeover was last proven to have lost nothing, and what the
-- check found, for `migration-service status` and broker-api's operations page, which cannot rerun a check that reads
-- every pact. Bookkeeping: a rollback drops it with the other pactport_ tables.
CREATE TABLE pactport_migration_verifications (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    verified_at     timestamptz NOT NULL DEFAULT now(),
    ok              boolean     NOT NULL,
    -- tables compared with the row baseline, and how many of them differ (0 and 0 when none was recorded)
    tables_checked  integer     NOT NULL,
    tables_failed   integer     NOT NULL,
    pacts_read      bigint      NOT NULL,
    pact_failures   bigint      NOT NULL,
    sha_differences bigint      NOT NULL,
    -- one line per failed table or unreadable pact, as verify printed them
    findings        text        NOT NULL
);
