// Tables of the status feature. Append-only once released.
export const statusSchema = `
-- One row per statusaanpassing: proposal, consultation, decision and its afloop. A published row
-- keeps the complete task map it puts in force (and the one before), so history is versioned.
CREATE TABLE status_changes (
  id                     bigserial PRIMARY KEY,
  kind                   text NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'end')),
  ends_change_id         bigint REFERENCES status_changes(id),
  state                  text NOT NULL DEFAULT 'draft'
                           CHECK (state IN ('draft', 'proposed', 'awaiting_confirmation', 'published', 'ended', 'withdrawn')),
  title                  text NOT NULL,
  preset                 text,
  tasks                  jsonb NOT NULL,
  previous_tasks         jsonb NOT NULL,
  reason_category        text NOT NULL,
  reason                 text,
  practice_impact        text,
  partner_text           text,
  start_date             date NOT NULL,
  end_date               date,
  proposed_by            text NOT NULL,
  proposed_by_name       text NOT NULL DEFAULT '',
  proposed_at            timestamptz NOT NULL,
  consultation_deadline  date,
  consultation_skipped   text,
  consultation_channels  jsonb NOT NULL DEFAULT '[]'::jsonb,
  first_decider          text,
  first_decider_name     text,
  decided_by             jsonb NOT NULL DEFAULT '[]'::jsonb,
  decided_at             timestamptz,
  expiry_choice          text CHECK (expiry_choice IN ('lapse')),
  expiry_notice_for      date,
  ended_at               timestamptz,
  card_version           integer NOT NULL DEFAULT 0
);
CREATE INDEX status_changes_in_force ON status_changes (start_date) WHERE state = 'published';

CREATE TABLE status_responses (
  change_id    bigint NOT NULL REFERENCES status_changes(id),
  aad_object_id text NOT NULL,
  name         text NOT NULL,
  answer       text NOT NULL CHECK (answer IN ('akkoord', 'zorgen', 'opmerking')),
  comment      text,
  answered_at  timestamptz NOT NULL,
  PRIMARY KEY (change_id, aad_object_id)
);

-- Each announcement (publication, extension, end, lapse) and its posts in the linked channels.
CREATE TABLE status_announcements (
  id           bigserial PRIMARY KEY,
  change_id    bigint NOT NULL REFERENCES status_changes(id),
  kind         text NOT NULL CHECK (kind IN ('publish', 'extend', 'end', 'lapse')),
  regioteams   jsonb NOT NULL,
  post_keys    jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  remind_on    date NOT NULL,
  reminded_at  timestamptz,
  card_version integer NOT NULL DEFAULT 0
);

CREATE TABLE status_reads (
  announcement_id bigint NOT NULL REFERENCES status_announcements(id),
  aad_object_id   text NOT NULL,
  name            text NOT NULL,
  read_at         timestamptz NOT NULL,
  PRIMARY KEY (announcement_id, aad_object_id)
);
`;
