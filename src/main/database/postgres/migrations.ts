/**
 * Forward-only schema migrations of the PostgreSQL backend. Version N is migrations[N - 1]; the
 * versions applied are rows of schema_migrations. Never edit a shipped migration: append one.
 *
 * v1 is SQLite's schema as its v5 left it (sqlite/migrations.ts), in PostgreSQL's types: REAL →
 * double precision, INTEGER → integer (bigint for epoch milliseconds and tokens), flags stay
 * 0/1 smallints so rows read the same on both backends, times stay ISO text (compared as
 * strings, as on SQLite). Text the sessions are sorted, paged or keyed on is COLLATE "C": byte
 * order, as SQLite's, whatever the server's locale.
 *
 * Team mode adds `seat` (the desk that wrote the row) to calls, alert_actions and imports. It
 * is nullable for now: rows written before seats exist, or by a single desk, have none.
 *
 * v2 adds `escalation_rules`: the team's thresholds of the escalation rules, one row per rule
 * group of EscalationThresholds (src/shared/escalation/thresholds.ts: interruptions,
 * humanRequest, sentiment, latency, tools), which each desk keeps in settings.json today. The
 * group's numbers are jsonb, validated by the app with that schema (a CHECK here would need a
 * migration for every new field); `enabled` is a 0/1 smallint as the other flags. The seam reads
 * and writes it as `rules` (./rulesTable.ts); SQLite has the same table since its v6.
 *
 * v3 is the call gateway's (issue #18): `calls.channel` says how a call came in ('desk': placed
 * at a console, every row before v3; 'phone': a SIP call through the gateway; 'web': a
 * customer's browser through it), and `webhook_deliveries` holds each webhook the gateways took
 * on, by the platform's `webhook-id` (its primary key), so that a delivery retried or replayed,
 * to this gateway or another behind the same address, is acted on once. SQLite's v7 matches.
 *
 * v4 is the gateway's takeover (issue #18): `call_commands` holds each supervisor's command to a
 * gateway call (instruct, stop the agent, transfer to a person, end the call), who gave it, the
 * gateway it went to and how it went (sent → running → done | failed); `calls.outcome` says a
 * call was transferred or ended by a supervisor (null: it ended by itself). SQLite's v8 matches.
 *
 * v5 is GPT-Live's (issue #20): `calls.engine` says which voice API a call ran on ('realtime':
 * the GA Realtime API, every row before v5; 'live': GPT-Live), so Sessions and Reports can set
 * the two side by side. SQLite's v9 matches.
 *
 * v6 is readable Sessions' (issue #19): what was said in each recorded call, searchable.
 * `transcripts` holds one row per call (its caller lines and its agent lines as heard, each
 * joined in turn order), filled from the stored turns here and by `turns.replace` afterwards;
 * `document` is their tsvector under `transcript_search`, the 'simple' configuration (no stop
 * words, no stemming) with `unaccent` before it, so case and accents fold and every word of any
 * language matches as written: calls are in en, es and fr, often switching, and SQLite's FTS5
 * (unicode61, remove_diacritics) matches the same words. `transcript_text` blanks the punctuation
 * the default parser takes for letters under a "C" locale (¿ ¡ « » ’ …), so "¿Dónde" is the
 * word "donde" whatever the server's locale. A GIN index serves the search; a partial index the
 * few escalated sessions; alerts get an index by rule (the Sessions filters). unaccent ships
 * with PostgreSQL (contrib) and is a trusted extension: the database's owner may create it.
 *
 * v7 is the team's choice of voice engine for its call gateways (issue #20): `gateway_settings`
 * holds one row (`only_row` is its key and always true): `engine` ('realtime', 'live', or NULL
 * for each instance's own settings.json), who set it and when. It is a table of its own, not a
 * `meta` key: every desk's login writes `meta` (the sessions' version), and only a supervisor's
 * may change this. SQLite has no counterpart: a desk's own database has no gateways.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE sessions (
    session_id     text COLLATE "C" PRIMARY KEY,
    scenario       text COLLATE "C" NOT NULL,
    duration_sec   double precision NOT NULL CHECK (duration_sec >= 0),
    latency_p50_ms double precision NOT NULL CHECK (latency_p50_ms >= 0),
    latency_p95_ms double precision NOT NULL CHECK (latency_p95_ms >= latency_p50_ms),
    interruptions  integer NOT NULL CHECK (interruptions >= 0),
    turns          integer NOT NULL CHECK (turns >= 0),
    sentiment      text COLLATE "C" NOT NULL,
    model          text COLLATE "C" NOT NULL,
    rag_used       smallint NOT NULL CHECK (rag_used IN (0, 1)),
    language       text COLLATE "C" NOT NULL,
    started_at     text COLLATE "C",
    ended_at       text COLLATE "C",
    source         text COLLATE "C" NOT NULL CHECK (source IN ('seed', 'import', 'live')),
    recorded_at    text NOT NULL,
    at_ear_p50_ms  double precision,
    at_ear_p95_ms  double precision,
    backchannels   integer,
    echo_suspects  integer,
    tool_calls     integer,
    tool_ms_p50    double precision,
    input_tokens   bigint,
    output_tokens  bigint,
    cost_usd       double precision,
    escalated      smallint CHECK (escalated IN (0, 1))
  );

  -- Turns, events and alerts are written while a call runs, before its session row is final,
  -- so they reference sessions by id without a foreign key (as on SQLite).
  CREATE TABLE turns (
    session_id         text COLLATE "C" NOT NULL,
    turn_index         integer NOT NULL,
    kind               text,
    caller_start_ms    double precision,
    caller_stop_ms     double precision,
    agent_start_ms     double precision,
    agent_stop_ms      double precision,
    latency_ms         double precision,
    at_ear_latency_ms  double precision,
    barge_in           smallint NOT NULL DEFAULT 0,
    heard_ms           double precision,
    heard_pct          double precision,
    backchannel        smallint NOT NULL DEFAULT 0,
    echo_suspect       smallint NOT NULL DEFAULT 0,
    caller_text        text,
    agent_text         text,
    agent_heard_text   text,
    PRIMARY KEY (session_id, turn_index)
  );

  CREATE TABLE events (
    session_id  text COLLATE "C" NOT NULL,
    seq         integer NOT NULL,
    at_ms       double precision NOT NULL,
    direction   text NOT NULL CHECK (direction IN ('server', 'client', 'local')),
    type        text NOT NULL,
    payload     text NOT NULL,
    PRIMARY KEY (session_id, seq)
  );

  CREATE SEQUENCE alerts_alert_id_seq AS integer;
  CREATE TABLE alerts (
    alert_id    integer PRIMARY KEY DEFAULT nextval('alerts_alert_id_seq'),
    session_id  text COLLATE "C" NOT NULL,
    rule        text NOT NULL,
    severity    text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    raised_at   text NOT NULL,
    evidence    text NOT NULL,
    status      text NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'acknowledged', 'dismissed', 'escalated')),
    action_by   text,
    action_at   text,
    action_note text
  );
  ALTER SEQUENCE alerts_alert_id_seq OWNED BY alerts.alert_id;
  CREATE INDEX alerts_session ON alerts (session_id);

  CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);

  CREATE TABLE calls (
    session_id         text COLLATE "C" PRIMARY KEY,
    call_id            text,
    provider           text NOT NULL,
    model              text NOT NULL,
    started_at_ms      bigint NOT NULL,
    ended_at_ms        bigint,
    status             text NOT NULL DEFAULT 'active'
                       CHECK (status IN ('active', 'finished', 'incomplete', 'failed')),
    pricing            text,
    counted_turns      integer,
    finalized_at       text,
    sentiment_reader   text,
    labelled_by        text,
    labels_reason      text,
    labels_error       text,
    finalize_error     text,
    finalize_failed_at text,
    finalize_attempts  integer,
    seat               text
  );
  CREATE INDEX calls_status ON calls (status);

  CREATE TABLE alert_actions (
    action_id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id    integer NOT NULL REFERENCES alerts (alert_id),
    session_id  text COLLATE "C" NOT NULL,
    action      text NOT NULL CHECK (action IN
                ('acknowledge', 'dismiss', 'escalate', 'instruct', 'stop_agent', 'end_call')),
    action_by   text NOT NULL,
    action_at   text NOT NULL,
    note        text,
    seat        text
  );
  CREATE INDEX alert_actions_alert ON alert_actions (alert_id);
  CREATE INDEX alert_actions_session ON alert_actions (session_id);

  -- One row per committed import: what it wrote, under which policy, from which seat.
  CREATE TABLE imports (
    import_id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text NOT NULL,
    policy       text NOT NULL CHECK (policy IN ('fail', 'skip', 'replace')),
    recorded_at  text NOT NULL,
    inserted     integer NOT NULL,
    replaced     integer NOT NULL,
    skipped      integer NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now(),
    seat         text
  );
  `,
  `
  CREATE TABLE escalation_rules (
    rule_id    text COLLATE "C" PRIMARY KEY,
    enabled    smallint NOT NULL CHECK (enabled IN (0, 1)),
    thresholds jsonb NOT NULL CHECK (jsonb_typeof(thresholds) = 'object'),
    updated_by text,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  `,
  `
  ALTER TABLE calls ADD COLUMN channel text NOT NULL DEFAULT 'desk'
    CHECK (channel IN ('desk', 'phone', 'web'));
  CREATE TABLE webhook_deliveries (
    webhook_id  text COLLATE "C" PRIMARY KEY,
    event_type  text NOT NULL,
    call_id     text,
    instance    text NOT NULL,
    received_at text NOT NULL
  );
  `,
  `
  ALTER TABLE calls ADD COLUMN outcome text
    CHECK (outcome IN ('transferred', 'ended_by_supervisor'));
  CREATE TABLE call_commands (
    command_id  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id  text COLLATE "C" NOT NULL,
    target_seat text NOT NULL,
    action      text NOT NULL CHECK (action IN ('instruct', 'stop_agent', 'transfer', 'end_call')),
    note        text,
    alert_id    integer REFERENCES alerts (alert_id),
    by_seat     text NOT NULL,
    at          text NOT NULL,
    status      text NOT NULL DEFAULT 'sent'
                CHECK (status IN ('sent', 'running', 'done', 'failed')),
    done_at     text,
    result      text
  );
  CREATE INDEX call_commands_session ON call_commands (session_id);
  `,
  `
  ALTER TABLE calls ADD COLUMN engine text NOT NULL DEFAULT 'realtime'
    CHECK (engine IN ('realtime', 'live'));
  `,
  `
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE TEXT SEARCH CONFIGURATION transcript_search (COPY = simple);
  ALTER TEXT SEARCH CONFIGURATION transcript_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part,
                      numword, numhword, hword_numpart
    WITH unaccent, simple;
  CREATE FUNCTION transcript_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT translate($1, '¿¡«»“”‘’„…–—', '            ') $$;
  CREATE TABLE transcripts (
    session_id  text COLLATE "C" PRIMARY KEY,
    caller_text text NOT NULL,
    agent_text  text NOT NULL,
    document    tsvector GENERATED ALWAYS AS (
      to_tsvector('transcript_search', transcript_text(caller_text || ' ' || agent_text))
    ) STORED
  );
  INSERT INTO transcripts (session_id, caller_text, agent_text)
    SELECT session_id,
           COALESCE(string_agg(caller_text, ' ' ORDER BY turn_index), ''),
           COALESCE(string_agg(COALESCE(agent_heard_text, agent_text), ' ' ORDER BY turn_index), '')
    FROM turns GROUP BY session_id;
  CREATE INDEX transcripts_document ON transcripts USING gin (document);
  CREATE INDEX sessions_escalated ON sessions (session_id) WHERE escalated = 1;
  CREATE INDEX alerts_rule ON alerts (rule, session_id);
  -- A team whose roles (resources/team/roles.sql) were set up before v6: its desks write
  -- transcripts with their turns from now on, so they get the rights roles.sql now grants.
  DO $grants$
  BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_agent') THEN
      GRANT SELECT, INSERT, DELETE ON transcripts TO og_agent;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_supervisor') THEN
      GRANT SELECT, INSERT, UPDATE, DELETE ON transcripts TO og_supervisor;
    END IF;
  END
  $grants$;
  `,
  `
  CREATE TABLE gateway_settings (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    engine     text CHECK (engine IN ('realtime', 'live')),
    updated_by text,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  -- Roles set up before v7 (resources/team/roles.sql): every seat and gateway reads the choice,
  -- only a supervisor changes it.
  DO $grants$
  BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_agent') THEN
      GRANT SELECT ON gateway_settings TO og_agent;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_supervisor') THEN
      GRANT SELECT, INSERT, UPDATE ON gateway_settings TO og_supervisor;
    END IF;
  END
  $grants$;
  `,
  // v8, in step with SQLite's v11 (issue #19): a call's recorded audio, both sides mixed, when
  // the desk opted in; one row per chunk of about a second, keyed by call and chunk number. A
  // deleted session takes its audio with it (one statement-level trigger, so an import that
  // replaces many sessions runs it once).
  `
  CREATE TABLE call_audio (
    session_id text COLLATE "C" NOT NULL,
    seq        integer NOT NULL CHECK (seq >= 0),
    mime_type  text NOT NULL,
    start_t    double precision NOT NULL,
    end_ms     integer NOT NULL CHECK (end_ms >= 0),
    bytes      bytea NOT NULL,
    PRIMARY KEY (session_id, seq)
  );
  CREATE FUNCTION sessions_deleted_audio() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    DELETE FROM call_audio a USING gone WHERE a.session_id = gone.session_id;
    RETURN NULL;
  END
  $fn$;
  CREATE TRIGGER sessions_deleted_audio AFTER DELETE ON sessions
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION sessions_deleted_audio();
  -- Roles set up before v8 (resources/team/roles.sql): a desk stores its calls' audio; a
  -- supervisor, who may delete sessions, deletes their audio with them.
  DO $grants$
  BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_agent') THEN
      GRANT SELECT, INSERT ON call_audio TO og_agent;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_supervisor') THEN
      GRANT SELECT, INSERT, DELETE ON call_audio TO og_supervisor;
    END IF;
  END
  $grants$;
  `,
  // v9, in step with SQLite's v12: a call's audio deleted on its own leaves who and when; it goes
  // with its session (the v8 trigger's function now deletes both).
  `
  CREATE TABLE call_audio_removals (
    session_id text COLLATE "C" PRIMARY KEY,
    removed_by text NOT NULL,
    removed_at text NOT NULL
  );
  CREATE OR REPLACE FUNCTION sessions_deleted_audio() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    DELETE FROM call_audio a USING gone WHERE a.session_id = gone.session_id;
    DELETE FROM call_audio_removals r USING gone WHERE r.session_id = gone.session_id;
    RETURN NULL;
  END
  $fn$;
  -- Roles set up before v9 (resources/team/roles.sql): every desk reads that audio was deleted;
  -- only a supervisor deletes a call's audio, and so writes the record of it.
  DO $grants$
  BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_agent') THEN
      GRANT SELECT ON call_audio_removals TO og_agent;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'og_supervisor') THEN
      GRANT SELECT, INSERT, UPDATE, DELETE ON call_audio_removals TO og_supervisor;
    END IF;
  END
  $grants$;
  `
]

/** The schema version this build writes: the connection test compares a server's with it. */
export const LATEST_SCHEMA_VERSION = migrations.length
