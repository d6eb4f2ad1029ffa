// An MDO can be cancelled after its decision (it no longer takes place, or the consulent withdraws).
// Append-only once released.
export const mdoCancelSchema = `
ALTER TABLE mdo_decisions DROP CONSTRAINT mdo_decisions_status_check;
ALTER TABLE mdo_decisions ADD CONSTRAINT mdo_decisions_status_check CHECK (status IN ('advised', 'decided', 'cancelled'));
ALTER TABLE mdo_decisions ADD COLUMN cancelled_at timestamptz;
`;
