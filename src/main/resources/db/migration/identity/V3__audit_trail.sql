-- The audit trail: who did what to which thing, reported by every context, kept tamper-evident as a hash chain
-- (hash = SHA-256(prev_hash || canonical entry), see dev.tradewind.identity.domain.AuditHash).
--
-- Rows are never rewritten, not even to erase a person: details hold ids only, never names, emails or other
-- personal data, so erasing a user (in identity.users) leaves the trail true and complete without touching it.
-- seq is a plain bigint handed out by audit_chain_head, not an identity: a sequence would be a second source of
-- numbers, and it skips values on rollback, which would read as deleted entries.
CREATE TABLE audit_entries (
    seq             bigint      PRIMARY KEY CHECK (seq > 0),
    id              uuid        NOT NULL UNIQUE,
    occurred_at     timestamptz NOT NULL,
    actor_id        uuid,
    actor_kind      text        NOT NULL CHECK (actor_kind IN ('USER', 'SERVICE', 'SYSTEM', 'ANONYMOUS')),
    action          text        NOT NULL,
    target_type     text        NOT NULL,
    target_id       text        NOT NULL,
    client_address  text,
    request_id      text,
    context         text        NOT NULL,
    details         jsonb       NOT NULL DEFAULT '{}',
    prev_hash       bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash            bytea       NOT NULL CHECK (octet_length(hash) = 32)
);
-- the query filters, each answered newest first
CREATE INDEX audit_entries_action ON audit_entries (action, seq DESC);
CREATE INDEX audit_entries_actor ON audit_entries (actor_id, seq DESC) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_entries_target_type ON audit_entries (target_type, seq DESC);
CREATE INDEX audit_entries_target_id ON audit_entries (target_id, seq DESC);
CREATE INDEX audit_entries_occurred_at ON audit_entries (occurred_at);

-- Append-only. TRUNCATE fires no row trigger: it stays with the table owner (the test suite empties schemas
-- with it); a production role that should not have it is not granted it.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'identity.audit_entries is append-only: % of entry % refused', TG_OP, OLD.seq
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

-- The end of the chain. Appends lock this one row, so they take seq numbers one at a time and each links to
-- the entry committed just before it.
CREATE TABLE audit_chain_head (
    id         smallint PRIMARY KEY CHECK (id = 1),
    last_seq   bigint   NOT NULL CHECK (last_seq >= 0),
    last_hash  bytea    NOT NULL CHECK (octet_length(last_hash) = 32)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));
