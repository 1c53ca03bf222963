-- What every Pact Broker table held when Pactport first migrated the database, before it changed any of the Pact
-- Broker's tables: `migration-service verify` recomputes the same figures later and proves no pre-existing row was lost
-- or altered. Written once, by the first `migrate` of a Pact Broker database (a re-run after a kill keeps it, because
-- by then the Pact Broker's tables may already have been upgraded); empty on a database Pactport created itself.
CREATE TABLE pactport_migration_baseline (
    table_name  text PRIMARY KEY,
    -- the columns the checksum covers: the table's columns at the time, so columns added since do not count
    columns     text[]      NOT NULL,
    -- a single-column primary key (integer or text): only rows up to max_key were there, so rows added since do not
    -- count; NULL for tables without one, which are compared whole
    key_column  text,
    key_type    text,
    max_key     text,
    row_count   bigint      NOT NULL,
    -- the sum, over the rows, of the first 64 bits of md5(row as text), as a decimal number: independent of row order
    checksum    numeric     NOT NULL,
    -- the Pact Broker schema (greatest schema_migrations entry) the figures were taken at
    schema_version bigint   NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
