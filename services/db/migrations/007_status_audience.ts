// Who should read each status announcement, fixed when it is published. Append-only once released.
export const statusAudienceSchema = `
-- The members of the announced regioteams (consulenten, doorstroomcoaches, the teamleider) and,
-- counted apart, the MT and beleid. Later changes to a team do not change who should have read it.
CREATE TABLE status_audience (
  announcement_id bigint NOT NULL REFERENCES status_announcements(id),
  aad_object_id   text NOT NULL,
  name            text NOT NULL,
  regioteam       text,
  apart           boolean NOT NULL DEFAULT false,
  PRIMARY KEY (announcement_id, aad_object_id)
);

-- Announcements made before the audience was fixed: the people then placed in their regioteams.
INSERT INTO status_audience (announcement_id, aad_object_id, name, regioteam)
SELECT a.id, p.aad_object_id, p.name, p.regioteam
FROM status_announcements a JOIN people p ON p.regioteam IN (SELECT jsonb_array_elements_text(a.regioteams));
`;
