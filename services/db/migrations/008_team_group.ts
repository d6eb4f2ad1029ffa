// The team's Microsoft 365 group id, part of a Teams deep link to a channel post. Append-only once released.
export const teamGroupSchema = `
ALTER TABLE team_installs ADD COLUMN aad_group_id text;
`;
