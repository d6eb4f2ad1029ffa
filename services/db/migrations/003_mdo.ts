// Tables of the mdo feature. Append-only once released.
export const mdoSchema = `
-- One row per MDO a consulent asked advice for; the decision is filled in when they decide.
-- The owner comes from the activity that created the row, never from card data.
CREATE TABLE mdo_decisions (
  id               bigserial PRIMARY KEY,
  owner_aad        text NOT NULL,
  regioteam        text,
  mdo_type         text NOT NULL,
  detail           text,
  meeting_at       timestamptz NOT NULL,
  organiser        text NOT NULL,
  case_refs        jsonb NOT NULL DEFAULT '[]'::jsonb,
  inputs           jsonb NOT NULL,
  advice           jsonb NOT NULL,
  ring_state       jsonb NOT NULL,
  category         text NOT NULL,
  advised_outcome  text NOT NULL,
  status           text NOT NULL DEFAULT 'advised' CHECK (status IN ('advised', 'decided')),
  final_outcome    text,
  overridden       boolean NOT NULL DEFAULT false,
  override_reason  text,
  reminder_at      timestamptz,
  hours_saved      double precision NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  decided_at       timestamptz
);
CREATE INDEX mdo_decisions_owner ON mdo_decisions (owner_aad, meeting_at);
CREATE INDEX mdo_decisions_meeting ON mdo_decisions (meeting_at) WHERE status = 'decided';
`;
