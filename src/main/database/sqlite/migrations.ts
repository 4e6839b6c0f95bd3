/**
 * Forward-only schema migrations. Version N is migrations[N - 1]; the applied version is kept in
 * PRAGMA user_version. Never edit a shipped migration: append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE sessions (
    session_id     TEXT PRIMARY KEY,
    scenario       TEXT NOT NULL,
    duration_sec   REAL NOT NULL CHECK (duration_sec >= 0),
    latency_p50_ms REAL NOT NULL CHECK (latency_p50_ms >= 0),
    latency_p95_ms REAL NOT NULL CHECK (latency_p95_ms >= latency_p50_ms),
    interruptions  INTEGER NOT NULL CHECK (interruptions >= 0),
    turns          INTEGER NOT NULL CHECK (turns >= 0),
    sentiment      TEXT NOT NULL,
    model          TEXT NOT NULL,
    rag_used       INTEGER NOT NULL CHECK (rag_used IN (0, 1)),
    language       TEXT NOT NULL,
    started_at     TEXT,
    ended_at       TEXT,
    source         TEXT NOT NULL CHECK (source IN ('seed', 'import', 'live')),
    recorded_at    TEXT NOT NULL,
    at_ear_p50_ms  REAL,
    at_ear_p95_ms  REAL,
    backchannels   INTEGER,
    echo_suspects  INTEGER,
    tool_calls     INTEGER,
    tool_ms_p50    REAL,
    input_tokens   INTEGER,
    output_tokens  INTEGER,
    cost_usd       REAL,
    escalated      INTEGER CHECK (escalated IN (0, 1))
  ) STRICT, WITHOUT ROWID;
  -- Clustered on session_id (one B-tree, not a table plus a key index): imports and the
  -- session_id-ordered exports are about twice as fast (measured on 1M rows). Report indexes
  -- arrive with the report queries that need them.

  -- Turns, events and alerts are written while a call runs, before its session row is final,
  -- so they reference sessions by id without a foreign key.
  CREATE TABLE turns (
    session_id         TEXT NOT NULL,
    turn_index         INTEGER NOT NULL,
    caller_start_ms    REAL,
    caller_stop_ms     REAL,
    agent_start_ms     REAL,
    agent_stop_ms      REAL,
    latency_ms         REAL,
    at_ear_latency_ms  REAL,
    barge_in           INTEGER NOT NULL DEFAULT 0,
    heard_ms           REAL,
    heard_pct          REAL,
    backchannel        INTEGER NOT NULL DEFAULT 0,
    echo_suspect       INTEGER NOT NULL DEFAULT 0,
    caller_text        TEXT,
    agent_text         TEXT,
    agent_heard_text   TEXT,
    PRIMARY KEY (session_id, turn_index)
  ) STRICT;

  CREATE TABLE events (
    session_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    at_ms       REAL NOT NULL,
    direction   TEXT NOT NULL CHECK (direction IN ('server', 'client', 'local')),
    type        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  ) STRICT;

  CREATE TABLE alerts (
    alert_id    INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL,
    rule        TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    raised_at   TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'acknowledged', 'dismissed', 'escalated')),
    action_by   TEXT,
    action_at   TEXT,
    action_note TEXT
  ) STRICT;
  CREATE INDEX alerts_session ON alerts (session_id);

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
  // v2: live-call recording. A call is begun, appended to while it runs, then finished (or,
  // after a crash, finalized from its events on the next start and marked incomplete). The
  // session row only appears when the call ends, so the lab's tables never hold a half call.
  `
  CREATE TABLE calls (
    session_id     TEXT PRIMARY KEY,
    call_id        TEXT,
    provider       TEXT NOT NULL,
    model          TEXT NOT NULL,
    started_at_ms  INTEGER NOT NULL,
    ended_at_ms    INTEGER,
    status         TEXT NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'finished', 'incomplete')),
    pricing        TEXT,
    -- Turns whose latency counted: 0 means the row's latency_p50/p95 of 0 stand for "none".
    counted_turns  INTEGER,
    finalized_at   TEXT
  ) STRICT;
  CREATE INDEX calls_status ON calls (status);
  -- What each caller utterance turned out to be (turn, barge_in, backchannel, echo_suspect,
  -- overlap); the v1 flags cannot tell a turn from an overlap.
  ALTER TABLE turns ADD COLUMN kind TEXT;
  `,
  // v3: every supervisor action on an alert, with who and when (alerts keep only the latest
  // action as their status). An escalation's note is the handoff note.
  `
  CREATE TABLE alert_actions (
    action_id   INTEGER PRIMARY KEY,
    alert_id    INTEGER NOT NULL REFERENCES alerts (alert_id),
    session_id  TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN
                ('acknowledge', 'dismiss', 'escalate', 'instruct', 'stop_agent', 'end_call')),
    action_by   TEXT NOT NULL,
    action_at   TEXT NOT NULL,
    note        TEXT
  ) STRICT;
  CREATE INDEX alert_actions_alert ON alert_actions (alert_id);
  CREATE INDEX alert_actions_session ON alert_actions (session_id);
  INSERT INTO alert_actions (alert_id, session_id, action, action_by, action_at, note)
    SELECT alert_id, session_id,
           CASE status WHEN 'acknowledged' THEN 'acknowledge' WHEN 'dismissed' THEN 'dismiss'
                       ELSE 'escalate' END,
           action_by, action_at, action_note
    FROM alerts WHERE status <> 'open' AND action_by IS NOT NULL AND action_at IS NOT NULL;
  `,
  // v4: who labelled a live call's sentiment and scenario ('model:<name>' or 'lexicon'), why
  // the lexicons did when they did (a reason code), and the model's error if it failed.
  // NULL: recorded before v4 (the lexicons). sentiment_reader: who read caller sentiment for
  // the live rules ('model:<name>' or 'lexicon'), fixed when the call began.
  `
  ALTER TABLE calls ADD COLUMN sentiment_reader TEXT;
  ALTER TABLE calls ADD COLUMN labelled_by TEXT;
  ALTER TABLE calls ADD COLUMN labels_reason TEXT;
  ALTER TABLE calls ADD COLUMN labels_error TEXT;
  `,
  // v5: a call that could not be finalized (its session id already taken, a write refused…)
  // is kept as 'failed' with its events, the error and when, and retried at each start; one
  // such call no longer stops start-up. SQLite cannot change a CHECK in place, so calls is
  // rebuilt (the documented 12-step way; nothing references it by foreign key).
  `
  CREATE TABLE calls_v5 (
    session_id         TEXT PRIMARY KEY,
    call_id            TEXT,
    provider           TEXT NOT NULL,
    model              TEXT NOT NULL,
    started_at_ms      INTEGER NOT NULL,
    ended_at_ms        INTEGER,
    status             TEXT NOT NULL DEFAULT 'active'
                       CHECK (status IN ('active', 'finished', 'incomplete', 'failed')),
    pricing            TEXT,
    counted_turns      INTEGER,
    finalized_at       TEXT,
    sentiment_reader   TEXT,
    labelled_by        TEXT,
    labels_reason      TEXT,
    labels_error       TEXT,
    -- The last failed attempt: its error, when (ISO), and how many attempts failed so far.
    -- NULL once the call is finalized.
    finalize_error     TEXT,
    finalize_failed_at TEXT,
    finalize_attempts  INTEGER
  ) STRICT;
  INSERT INTO calls_v5 (session_id, call_id, provider, model, started_at_ms, ended_at_ms, status,
                        pricing, counted_turns, finalized_at, sentiment_reader, labelled_by,
                        labels_reason, labels_error)
    SELECT session_id, call_id, provider, model, started_at_ms, ended_at_ms, status, pricing,
           counted_turns, finalized_at, sentiment_reader, labelled_by, labels_reason, labels_error
    FROM calls;
  DROP TABLE calls;
  ALTER TABLE calls_v5 RENAME TO calls;
  CREATE INDEX calls_status ON calls (status);
  `,
  // v6: escalation_rules, as the PostgreSQL backend's v2 has it, so the seam's rules operations
  // behave alike on both (the contract suite): one row per rule group, its flag as 0/1, its
  // other thresholds as a JSON object the app checks on read, who changed it and when (ISO).
  // A desk keeps its own thresholds in settings.json (docs/team-mode.md, "Escalation rules").
  `
  CREATE TABLE escalation_rules (
    rule_id    TEXT PRIMARY KEY,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    thresholds TEXT NOT NULL CHECK (json_valid(thresholds) AND json_type(thresholds) = 'object'),
    updated_by TEXT,
    updated_at TEXT NOT NULL
  ) STRICT;
  `,
  // v7, in step with the PostgreSQL backend's v3 (the call gateway, issue #18): each call's
  // channel (the calls before it were placed at the desk), and the webhook deliveries a gateway
  // took on, by the platform's webhook-id, so a retried delivery is acted on once.
  `
  ALTER TABLE calls ADD COLUMN channel TEXT NOT NULL DEFAULT 'desk'
    CHECK (channel IN ('desk', 'phone', 'web'));
  CREATE TABLE webhook_deliveries (
    webhook_id  TEXT PRIMARY KEY,
    event_type  TEXT NOT NULL,
    call_id     TEXT,
    instance    TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) STRICT;
  `,
  // v8, in step with the PostgreSQL backend's v4 (the gateway's takeover, issue #18): the
  // supervisors' commands to gateway calls, and how a call ended when a person ended it.
  `
  ALTER TABLE calls ADD COLUMN outcome TEXT
    CHECK (outcome IN ('transferred', 'ended_by_supervisor'));
  CREATE TABLE call_commands (
    command_id  INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL,
    target_seat TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('instruct', 'stop_agent', 'transfer', 'end_call')),
    note        TEXT,
    alert_id    INTEGER REFERENCES alerts (alert_id),
    by_seat     TEXT NOT NULL,
    at          TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'sent'
                CHECK (status IN ('sent', 'running', 'done', 'failed')),
    done_at     TEXT,
    result      TEXT
  ) STRICT;
  CREATE INDEX call_commands_session ON call_commands (session_id);
  `,
  // v9, in step with the PostgreSQL backend's v5 (GPT-Live, issue #20): the voice API each
  // call ran on; every call before it ran on the Realtime API.
  `
  ALTER TABLE calls ADD COLUMN engine TEXT NOT NULL DEFAULT 'realtime'
    CHECK (engine IN ('realtime', 'live'));
  `,
  // v10, in step with the PostgreSQL backend's v6 (readable Sessions, issue #19): what was said
  // in each recorded call, searchable. One row per call (its caller lines and agent lines, each
  // joined in turn order) in `transcripts`, indexed by the FTS5 table `transcripts_fts` (external
  // content: the text is stored once; the triggers keep the index in step). unicode61 with
  // remove_diacritics 2 folds case and accents (é, ñ, ç…), as PostgreSQL's unaccent does, and
  // stems nothing, so a word matches the same calls on both backends in en, es and fr. The
  // calls recorded before are indexed from their turns here; later ones as turns are written.
  // Two indexes serve the Sessions filters: the few escalated sessions, and alerts by rule.
  `
  CREATE TABLE transcripts (
    session_id  TEXT NOT NULL UNIQUE,
    caller_text TEXT NOT NULL,
    agent_text  TEXT NOT NULL
  ) STRICT;
  CREATE VIRTUAL TABLE transcripts_fts USING fts5 (
    caller_text, agent_text,
    content = 'transcripts', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER transcripts_inserted AFTER INSERT ON transcripts BEGIN
    INSERT INTO transcripts_fts (rowid, caller_text, agent_text)
      VALUES (new.rowid, new.caller_text, new.agent_text);
  END;
  CREATE TRIGGER transcripts_deleted AFTER DELETE ON transcripts BEGIN
    INSERT INTO transcripts_fts (transcripts_fts, rowid, caller_text, agent_text)
      VALUES ('delete', old.rowid, old.caller_text, old.agent_text);
  END;
  CREATE TRIGGER transcripts_updated AFTER UPDATE ON transcripts BEGIN
    INSERT INTO transcripts_fts (transcripts_fts, rowid, caller_text, agent_text)
      VALUES ('delete', old.rowid, old.caller_text, old.agent_text);
    INSERT INTO transcripts_fts (rowid, caller_text, agent_text)
      VALUES (new.rowid, new.caller_text, new.agent_text);
  END;
  INSERT INTO transcripts (session_id, caller_text, agent_text)
    SELECT session_id,
           COALESCE(group_concat(caller_text, ' ' ORDER BY turn_index), ''),
           COALESCE(group_concat(COALESCE(agent_heard_text, agent_text), ' ' ORDER BY turn_index), '')
    FROM turns GROUP BY session_id;
  CREATE INDEX sessions_escalated ON sessions (session_id) WHERE escalated = 1;
  CREATE INDEX alerts_rule ON alerts (rule, session_id);
  `,
  // v11, in step with the PostgreSQL backend's v8 (issue #19): a call's recorded audio, both
  // sides mixed, when the desk opted in. One row per chunk of about a second, keyed by call and
  // chunk number, so a chunk sent twice is stored once and late ones find their place. Deleting
  // a session deletes its audio: a voice recording must never outlive the session it belongs to.
  `
  CREATE TABLE call_audio (
    session_id TEXT NOT NULL,
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    mime_type  TEXT NOT NULL,
    start_t    REAL NOT NULL,
    end_ms     INTEGER NOT NULL CHECK (end_ms >= 0),
    bytes      BLOB NOT NULL,
    PRIMARY KEY (session_id, seq)
  ) STRICT;
  CREATE TRIGGER sessions_deleted_audio AFTER DELETE ON sessions BEGIN
    DELETE FROM call_audio WHERE session_id = old.session_id;
  END;
  `,
  // v12, in step with the PostgreSQL backend's v9: a call's audio deleted on its own (a caller
  // asked, say) leaves who deleted it and when, so the session detail says it was deleted rather
  // than never recorded. It goes with its session, as the audio would have.
  `
  CREATE TABLE call_audio_removals (
    session_id TEXT PRIMARY KEY,
    removed_by TEXT NOT NULL,
    removed_at TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER sessions_deleted_audio_removal AFTER DELETE ON sessions BEGIN
    DELETE FROM call_audio_removals WHERE session_id = old.session_id;
  END;
  `
]
