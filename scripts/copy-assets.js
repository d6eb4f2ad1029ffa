// Copies files tsc does not emit into dist/: the tab's page and vendor scripts, and the embedded
// database's worker thread (plain JS, see services/db/pglite.ts).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
for (const dir of ['tab/public']) {
  const from = path.join(root, dir);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(root, 'dist', dir), { recursive: true });
}
fs.copyFileSync(path.join(root, 'services/db/pglite-worker.js'), path.join(root, 'dist/services/db/pglite-worker.js'));
