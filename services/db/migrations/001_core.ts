export const core = `
CREATE TABLE team_installs (
  team_id         text PRIMARY KEY,
  name            text,
  tenant_id       text,
  service_url     text NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  installed_at    timestamptz NOT NULL DEFAULT now(),
  removed_at      timestamptz,
  inactive_reason text
);

-- Every conversation the bot can post into: channels of installed teams and personal chats.
CREATE TABLE conversations (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('channel', 'personal', 'groupChat')),
  team_id     text REFERENCES team_installs(team_id),
  name        text,
  reference   jsonb NOT NULL,
  regioteam   text,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_regioteam ON conversations (regioteam) WHERE regioteam IS NOT NULL AND active;

-- People the bot has met; the Teams user id is needed to open a personal chat.
CREATE TABLE people (
  aad_object_id   text PRIMARY KEY,
  teams_user_id   text,
  name            text NOT NULL DEFAULT '',
  upn             text,
  regioteam       text,
  personal_conversation_id text,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_regioteam ON people (regioteam);

CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  actor          text NOT NULL,
  action         text NOT NULL,
  subject        text,
  outcome        text NOT NULL DEFAULT 'ok',
  details        jsonb NOT NULL DEFAULT '{}'::jsonb,
  correlation_id text
);
CREATE INDEX audit_log_subject ON audit_log (subject, at);

-- Teams retries an activity it did not get a timely answer for; each id is handled once.
CREATE TABLE processed_activities (
  activity_id  text PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now()
);

-- The durable outbox: every proactive post and in-place card update.
CREATE TABLE deliveries (
  id              bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  kind            text NOT NULL CHECK (kind IN ('post', 'update', 'personal')),
  conversation_id text,
  recipient_aad   text,
  -- For 'update': the idempotency key of the post whose card is replaced; the sender resolves its
  -- conversation and Teams activity id once that post is sent.
  target_key      text,
  payload         jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  not_before      timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz,
  leased_by       text,
  sent_activity_id text,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX deliveries_due ON deliveries (not_before) WHERE status IN ('queued', 'sending');

-- One row per scheduled fire: the replica that inserts it runs the job.
CREATE TABLE cron_runs (
  key         text PRIMARY KEY,
  owner       text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  finished_at timestamptz
);
`;
