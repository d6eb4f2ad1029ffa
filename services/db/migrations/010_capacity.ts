// Tables of the capacity feature. Append-only once released.
export const capacitySchema = `
-- One row per regioteam per ISO week (its Monday): aggregates only, never people or case references.
CREATE TABLE capacity_snapshots (
  regioteam            text NOT NULL,
  week_start           date NOT NULL,
  consulenten          integer NOT NULL,
  -- Days not absent in the coming two weeks, and the ten working days per consulent they are out of.
  available_days       integer NOT NULL,
  possible_days        integer NOT NULL,
  open_cases           integer NOT NULL,
  -- consulenten x the team's caseloadNorm at the time of the snapshot.
  norm_cases           integer NOT NULL,
  new_cases            integer NOT NULL,
  help_asked           integer NOT NULL,
  help_unanswered      integer NOT NULL,
  help_escalated       integer NOT NULL,
  monitoring_overdue   integer NOT NULL,
  taken_at             timestamptz NOT NULL,
  PRIMARY KEY (regioteam, week_start)
);
CREATE INDEX capacity_snapshots_week ON capacity_snapshots (week_start);

-- A signal to the MT, once per episode: the rule (or the recovery of a change in force) and the
-- first week of the run of weeks it held. The evidence is the snapshots' figures, aggregates only.
CREATE TABLE capacity_signals (
  id              bigserial PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('capacity', 'recovery')),
  rule_key        text NOT NULL,
  episode_start   date NOT NULL,
  fired_week      date NOT NULL,
  suggested_preset text,
  change_id       bigint,
  evidence        jsonb NOT NULL,
  created_at      timestamptz NOT NULL,
  UNIQUE (kind, rule_key, episode_start)
);

-- The half-yearly evaluation round: who was invited and whether they answered, never what.
CREATE TABLE evaluation_invitations (
  evaluation_date  date NOT NULL,
  aad_object_id    text NOT NULL,
  invited_on       date NOT NULL,
  reminded_on      date,
  answered         boolean NOT NULL DEFAULT false,
  PRIMARY KEY (evaluation_date, aad_object_id)
);

-- The answers, anonymous: no person, no time, and a random id, so nothing ties an answer to an
-- invitation or to the moment someone clicked.
CREATE TABLE evaluation_answers (
  id                text PRIMARY KEY,
  evaluation_date   date NOT NULL,
  -- regioteam id, 'beleid' or 'overig': shown only for groups of at least the minimum size.
  group_key         text NOT NULL,
  fundament_score   integer NOT NULL CHECK (fundament_score BETWEEN 1 AND 5),
  fundament_remark  text,
  processes_score   integer NOT NULL CHECK (processes_score BETWEEN 1 AND 5),
  processes_remark  text,
  task_id           text
);
CREATE INDEX evaluation_answers_date ON evaluation_answers (evaluation_date);
`;
