// Tests build their own configuration; nothing from the developer's shell may leak in.
for (const key of Object.keys(process.env)) {
  if (key.startsWith('WENDBAAR_') && !key.startsWith('WENDBAAR_TEST_')) delete process.env[key];
  if (key.startsWith('Microsoft') || key === 'DATABASE_URL') delete process.env[key];
}
