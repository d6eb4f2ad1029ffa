// Tables of the mdo feature. Append-only once released.
export const mdoSchema = `
`;
