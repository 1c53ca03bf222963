-- broker-api relays the outbox as soon as a change commits, not at its next poll: every statement that inserts outbox
-- rows sends a notification on the channel pactport_outbox, which broker-api LISTENs to. PostgreSQL delivers a
-- notification only when its transaction commits (never for one rolled back) and folds identical ones within a
-- transaction, so a change pays no extra round trip and its listeners are woken once per commit. The payload is empty:
-- the relay reads what is pending from the table, which stays the only record of what is to be sent.
CREATE FUNCTION pactport_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('pactport_outbox', '');
    RETURN NULL;
END
$$;

-- EXECUTE PROCEDURE, not EXECUTE FUNCTION: the same trigger on every PostgreSQL a Pact Broker database may run on.
CREATE TRIGGER pactport_outbox_notify AFTER INSERT ON pactport_outbox
    FOR EACH STATEMENT EXECUTE PROCEDURE pactport_outbox_notify();
