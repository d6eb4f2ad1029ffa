// Tables of the status feature. Append-only once released.
export const statusSchema = `
`;
