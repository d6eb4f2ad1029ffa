// Copies files tsc does not emit into dist/: the tab's page and vendor scripts, and the worker
// threads in plain JS (the embedded database, services/db/pglite.ts; the personal-data screen's
// name lists, services/personal-data/sources.ts).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
for (const dir of ['tab/public']) {
  const from = path.join(root, dir);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(root, 'dist', dir), { recursive: true });
}
fs.copyFileSync(path.join(root, 'services/db/pglite-worker.js'), path.join(root, 'dist/services/db/pglite-worker.js'));
fs.copyFileSync(path.join(root, 'services/personal-data/name-lists-worker.js'), path.join(root, 'dist/services/personal-data/name-lists-worker.js'));
