// Tables of the monitoring feature. Append-only once released.
export const monitoringSchema = `
-- One monitoring item per case and situation; case references only, never names.
CREATE TABLE monitoring_items (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL,
  case_reference   text NOT NULL,
  -- The rule's anchor: the start date or the end date, depending on the kind.
  anchor_date      date NOT NULL,
  owner_aad        text NOT NULL,
  regioteam        text NOT NULL,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  outcome          text,
  meeting_recorded boolean NOT NULL DEFAULT false,
  escalated_at     timestamptz,
  school_year      text NOT NULL,
  -- Set for kinds allowed once per case per school year: kind:case:school year.
  once_key         text UNIQUE,
  version          integer NOT NULL DEFAULT 1,
  source           text NOT NULL DEFAULT 'card',
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  closed_at        timestamptz
);
CREATE INDEX monitoring_items_owner ON monitoring_items (owner_aad) WHERE status = 'open';
CREATE INDEX monitoring_items_team ON monitoring_items (regioteam) WHERE status = 'open';
CREATE INDEX monitoring_items_closed ON monitoring_items (closed_at) WHERE status = 'closed';

-- Each stage's due date, computed when the item is created or changed, so the daily selection is
-- one indexed range scan over pending stages.
CREATE TABLE monitoring_stages (
  item_id      bigint NOT NULL REFERENCES monitoring_items(id) ON DELETE CASCADE,
  stage        text NOT NULL,
  seq          integer NOT NULL,
  due_on       date NOT NULL,
  -- Bumped when the stage is extended, so the new date is announced again under a new key.
  round        integer NOT NULL DEFAULT 0,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'announced', 'skipped', 'cancelled')),
  announced_on date,
  late         boolean NOT NULL DEFAULT false,
  PRIMARY KEY (item_id, stage)
);
CREATE INDEX monitoring_stages_due ON monitoring_stages (due_on) WHERE status = 'pending';

-- Every announcement of a stage, once: the primary key is the exactly-once guard across replicas.
CREATE TABLE monitoring_announcements (
  item_id      bigint NOT NULL REFERENCES monitoring_items(id) ON DELETE CASCADE,
  stage        text NOT NULL,
  round        integer NOT NULL,
  due_on       date NOT NULL,
  run_date     date NOT NULL,
  late         boolean NOT NULL,
  delivery_key text NOT NULL,
  announced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, stage, round)
);

-- Cards posted about an item (personal reminders, hand-over notices): updated in place on every action.
CREATE TABLE monitoring_cards (
  item_id      bigint NOT NULL REFERENCES monitoring_items(id) ON DELETE CASCADE,
  delivery_key text NOT NULL,
  PRIMARY KEY (item_id, delivery_key)
);
`;
