-- Team mode: the two database roles a desk's login belongs to, with least privilege.
-- Run once per team database, as the owner of its tables, after the team schema's migrations
-- (src/main/database/postgres/migrations.ts: version 9 or later, which has call_audio_removals).
-- Safe to run again (roles are created only when missing; grants and the trigger are replaced).
--
--   og_agent       records the calls placed at its desk and acts on their alerts. It reads the
--                  team's sessions, but may not delete them, import them, or change the rules.
--   og_supervisor  everything an agent may, plus imports, deleting sessions and changing the
--                  escalation rules. Neither role owns tables or may change the schema.
--   og_gateway     a call gateway (docs/gateway.md): records its calls as an agent's desk does
--                  (it is a member of og_agent), and keeps the webhook deliveries it took on.
--
-- Each desk logs in with its own role, a member of one of these, e.g.
--   CREATE ROLE desk_a LOGIN PASSWORD '…' IN ROLE og_agent;
--   CREATE ROLE floor_lead LOGIN PASSWORD '…' IN ROLE og_supervisor;
--   CREATE ROLE gateway_1 LOGIN PASSWORD '…' IN ROLE og_gateway;

DO $roles$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_agent') THEN
    CREATE ROLE og_agent NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_supervisor') THEN
    CREATE ROLE og_supervisor NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_gateway') THEN
    CREATE ROLE og_gateway NOLOGIN IN ROLE og_agent;
  END IF;
END
$roles$;

GRANT USAGE ON SCHEMA public TO og_agent, og_supervisor;
-- Identity and serial columns (alert and action ids).
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO og_agent, og_supervisor;

-- Agent: a call's rows while it runs and when it is finalized (turns are rewritten then).
GRANT SELECT, INSERT, UPDATE ON calls TO og_agent;
GRANT SELECT, INSERT, DELETE ON turns TO og_agent;
-- Each call's transcript for the Sessions search (schema v6), rewritten with its turns.
GRANT SELECT, INSERT, DELETE ON transcripts TO og_agent;
GRANT SELECT, INSERT ON events TO og_agent;
GRANT SELECT, INSERT, UPDATE ON alerts TO og_agent;
GRANT SELECT, INSERT ON alert_actions TO og_agent;
-- The finished call's session row (source 'live', see the trigger below) and its escalated flag.
GRANT SELECT, INSERT ON sessions TO og_agent;
GRANT UPDATE (escalated) ON sessions TO og_agent;
-- Every writer of sessions bumps the sessions' version the Reports cache on.
GRANT SELECT, INSERT, UPDATE ON meta TO og_agent;
GRANT SELECT ON escalation_rules, schema_migrations TO og_agent;

-- The import log (one row per committed import, with its seat): an agent imports nothing, so
-- it gets nothing on it.

-- Supervisor: the team's data in full (imports, deletions, rules); still no DDL, no TRUNCATE.
GRANT SELECT, INSERT, UPDATE, DELETE
  ON sessions, calls, turns, transcripts, events, alerts, alert_actions, meta, escalation_rules
  TO og_supervisor;
-- An import adds its row to the log; the log is never rewritten.
GRANT SELECT, INSERT ON imports TO og_supervisor;
GRANT SELECT ON schema_migrations TO og_supervisor;

-- Gateway: an agent's rights (its calls, their alerts; sessions only as recorded calls), plus
-- its webhook ledger: a delivery is claimed by inserting its webhook-id, and given up (deleted)
-- when it could not be acted on, so the platform's retry may claim it. Supervisors may read it.
GRANT SELECT, INSERT, DELETE ON webhook_deliveries TO og_gateway;
GRANT SELECT ON webhook_deliveries TO og_supervisor;

-- Supervisors' commands to gateway calls (instruct, stop, transfer, end): only a supervisor gives
-- one (the database, not only the console, refuses an agent's); every seat may read them; the
-- gateway marks the one it carries out running, then done or failed.
GRANT SELECT ON call_commands TO og_agent;
GRANT SELECT, INSERT ON call_commands TO og_supervisor;
GRANT UPDATE (status, done_at, result) ON call_commands TO og_gateway;

-- The team's voice engine for its gateways' new calls (schema v7): every seat and gateway reads
-- it, only a supervisor sets it (Settings).
GRANT SELECT ON gateway_settings TO og_agent;
GRANT SELECT, INSERT, UPDATE ON gateway_settings TO og_supervisor;

-- Each call's recorded audio (schema v8, when the desk records audio): a desk stores its calls';
-- a supervisor deletes it with the sessions it belongs to (a trigger on sessions).
GRANT SELECT, INSERT ON call_audio TO og_agent;
GRANT SELECT, INSERT, DELETE ON call_audio TO og_supervisor;

-- Who deleted a call's audio, and when (schema v9): every desk reads it; a supervisor, who alone
-- may delete a call's audio, writes it.
GRANT SELECT ON call_audio_removals TO og_agent;
GRANT SELECT, INSERT, UPDATE, DELETE ON call_audio_removals TO og_supervisor;

-- An agent inserts sessions only as recorded calls (source 'live'), never as imports or seeds.
-- An AFTER trigger (not BEFORE) so a supervisor's COPY import keeps its multi-row inserts; its
-- WHEN clause leaves the function uncalled for every row that is not an agent's non-live row.
CREATE OR REPLACE FUNCTION og_refuse_agent_session_insert() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'an agent seat records sessions only from its calls (source live), not %',
    NEW.source USING ERRCODE = 'insufficient_privilege';
END
$fn$;
DROP TRIGGER IF EXISTS og_agent_records_only_live ON sessions;
CREATE TRIGGER og_agent_records_only_live
  AFTER INSERT ON sessions
  FOR EACH ROW
  WHEN (NEW.source <> 'live'
        AND pg_has_role('og_agent', 'MEMBER')
        AND NOT pg_has_role('og_supervisor', 'MEMBER'))
  EXECUTE FUNCTION og_refuse_agent_session_insert();
