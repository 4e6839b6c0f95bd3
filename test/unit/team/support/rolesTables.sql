-- The least the team roles grant on: the tables' names and the columns roles.sql names.
-- The real schema is the team migrations'; this copy only lets rolesSql.test.ts apply roles.sql.
CREATE TABLE sessions (
  session_id TEXT PRIMARY KEY,
  source     TEXT NOT NULL CHECK (source IN ('seed', 'import', 'live')),
  escalated  BOOLEAN
);
CREATE TABLE calls (session_id TEXT PRIMARY KEY, status TEXT NOT NULL DEFAULT 'active');
CREATE TABLE turns (session_id TEXT NOT NULL, turn_index INTEGER NOT NULL,
                    PRIMARY KEY (session_id, turn_index));
CREATE TABLE events (session_id TEXT NOT NULL, seq INTEGER NOT NULL,
                     PRIMARY KEY (session_id, seq));
CREATE TABLE alerts (alert_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                     session_id TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open');
CREATE TABLE alert_actions (action_id BIGSERIAL PRIMARY KEY,
                            alert_id BIGINT NOT NULL REFERENCES alerts (alert_id),
                            action TEXT NOT NULL, action_by TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE escalation_rules (rule TEXT PRIMARY KEY, threshold DOUBLE PRECISION NOT NULL);
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL);
