import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layer rules (README "Project structure") are lint rules, and `npm test` runs lint. These
 * cases show each rule refuses a wrong import or a stray SQL statement, so a rule that silently
 * stopped matching (a renamed folder, a changed config) fails here.
 *
 * ESLint loads its flat config with a dynamic import, which jest's module sandbox refuses; so the
 * cases are linted by ESLint's own API in one plain Node process, as `npm run lint` would.
 */
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
Promise.all(cases.map(async ([filePath, code]) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result ? result.messages : []).map((m) => m.ruleId + ': ' + m.message);
})).then((out) => process.stdout.write(JSON.stringify(out)));
`;

const sql = 'import type { Queryable } from \'../db\';\nexport const f = (q: Queryable) => q.query(`SELECT 1 FROM people WHERE aad_object_id = $1`, [1]);\n';

/** [file the code pretends to be, code, what lint must say ('' = nothing)]. */
const CASES: Record<string, Array<[string, string, string]>> = {
  'services never import cards or bot, not even their types': [
    ['services/example/actions.ts', `import { statusCard } from '../../cards/status/cards';\nexport const x = statusCard;\n`, 'services/ never imports cards/'],
    ['services/example/actions.ts', `import type { TurnScope } from '../../bot/feature';\nexport type X = TurnScope;\n`, 'services/ never imports bot/'],
    ['services/example/actions.ts', `import { TurnContext } from 'botbuilder';\nexport const x = TurnContext;\n`, 'Only bot/ may import botbuilder'],
  ],
  "cards use services' types only": [
    ['cards/example/views.ts', `import type { Actor } from '../../services/authz';\nexport type X = Actor;\n`, ''],
    ['cards/example/views.ts', `import { can } from '../../services/authz';\nexport const x = can;\n`, "cards/ may use services' types only"],
  ],
  'lib and config import no other layer': [
    ['lib/example.ts', `import { audit } from '../services/audit/store';\nexport const x = audit;\n`, 'lib/ and config/ sit below every other layer'],
  ],
  'SQL lives in a store or services/db only': [
    ['services/example/actions.ts', sql, "SQL belongs in the feature's store"],
    ['bot/features/example.ts', sql.replace('../db', '../../services/db'), 'SQL belongs'],
    ['services/example/store.ts', sql, ''],
    // Dutch text that starts like SQL is no statement.
    ['services/example/actions.ts', `export const t = 'Update: de statusaanpassing is gepubliceerd';\n`, ''],
  ],
};

describe('layers form a stack, enforced by lint', () => {
  let results: Map<string, string[][]>;
  beforeAll(() => {
    const all = Object.values(CASES).flat().map(([file, code]) => [file, code]);
    const out = JSON.parse(
      execFileSync(process.execPath, ['-e', LINT_SCRIPT], { cwd: path.resolve(__dirname, '../..'), input: JSON.stringify(all) }).toString(),
    ) as string[][];
    results = new Map();
    let i = 0;
    for (const [name, cases] of Object.entries(CASES)) results.set(name, cases.map(() => out[i++]!));
  }, 120_000);

  it.each(Object.keys(CASES))('%s', (name) => {
    const cases = CASES[name]!;
    cases.forEach(([, , expected], i) => {
      expect(results.get(name)![i]).toEqual(expected ? [expect.stringContaining(expected)] : []);
    });
  });
});
