// Tables of the caseload feature. Append-only once released.
export const caseloadSchema = `
`;
