// Tables of the absence feature. Append-only once released.
export const absenceSchema = `
-- A consulent's absence: from a day until a day (inclusive) or open-ended, with an optional stand-in.
-- No medical detail: only the kind (ziek, verlof, anders).
CREATE TABLE absences (
  id            bigserial PRIMARY KEY,
  person_aad    text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('ziek', 'verlof', 'anders')),
  starts_on     date NOT NULL,
  -- The last day away; NULL while nobody knows.
  ends_on       date,
  stand_in_aad  text,
  recorded_by   text NOT NULL,
  recorded_at   timestamptz NOT NULL,
  -- "terug": back from this moment, whatever ends_on said.
  ended_at      timestamptz,
  ended_by      text,
  -- The return card was queued (once per absence).
  returned      boolean NOT NULL DEFAULT false
);
CREATE INDEX absences_person ON absences (person_aad, starts_on);
CREATE INDEX absences_open ON absences (starts_on) WHERE NOT returned;

-- A personal post that reached a stand-in (or the teamleider) instead of its recipient: who it was
-- for and why, so in-place updates keep the "namens" line and the return card can count them.
ALTER TABLE deliveries ADD COLUMN on_behalf_of jsonb;
`;
