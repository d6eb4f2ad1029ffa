// Tables of the monitoring feature. Append-only once released.
export const monitoringSchema = `
`;
