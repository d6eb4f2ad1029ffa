// Tables of the caseload feature. Append-only once released.
export const caseloadSchema = `
-- Each consulent's own figures (kept on the werkdruk card or imported from the registration system).
CREATE TABLE caseload_figures (
  aad_object_id  text PRIMARY KEY,
  open_cases     integer NOT NULL DEFAULT 0 CHECK (open_cases >= 0),
  complex_cases  integer NOT NULL DEFAULT 0 CHECK (complex_cases >= 0),
  new_this_week  integer NOT NULL DEFAULT 0 CHECK (new_this_week >= 0),
  absent_days    integer NOT NULL DEFAULT 0 CHECK (absent_days >= 0),
  is_buffer      boolean NOT NULL DEFAULT false,
  source         text NOT NULL DEFAULT 'card' CHECK (source IN ('card', 'import')),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- A request for support in the regioteam; its channel card is updated in place for its whole life.
CREATE TABLE help_requests (
  id             bigserial PRIMARY KEY,
  requester_aad  text NOT NULL,
  regioteam      text NOT NULL,
  kind           text NOT NULL,
  case_count     integer NOT NULL CHECK (case_count > 0),
  reason         text NOT NULL,
  urgency        text NOT NULL,
  period_from    text,
  period_to      text,
  description    text,
  case_refs      jsonb NOT NULL DEFAULT '[]'::jsonb,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'aangeboden', 'toegewezen', 'afgerond', 'ingetrokken')),
  -- Cases covered by active offers (offered or accepted); never above case_count.
  offered_cases  integer NOT NULL DEFAULT 0 CHECK (offered_cases >= 0),
  version        integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  escalated_at   timestamptz,
  closed_at      timestamptz,
  CHECK (offered_cases <= case_count)
);
CREATE INDEX help_requests_active ON help_requests (regioteam, status);

CREATE TABLE help_offers (
  id           bigserial PRIMARY KEY,
  request_id   bigint NOT NULL REFERENCES help_requests(id),
  helper_aad   text NOT NULL,
  case_count   integer NOT NULL CHECK (case_count > 0),
  status       text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'withdrawn')),
  created_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  UNIQUE (request_id, helper_aad)
);
CREATE INDEX help_offers_accepted ON help_offers (accepted_at) WHERE status = 'accepted';
`;
