import { ESLint } from 'eslint';
import path from 'node:path';

/**
 * The layer rules (README "Project structure") are lint rules, and `npm test` runs lint. These
 * cases show each rule refuses a wrong import or a stray SQL statement, so a rule that silently
 * stopped matching (a renamed folder, a changed config) fails here.
 */
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers form a stack, enforced by lint', () => {
  it('services never import cards or bot, not even their types', async () => {
    expect(await problems('services/example/actions.ts', `import { statusCard } from '../../cards/status/cards';\nexport const x = statusCard;\n`))
      .toEqual([expect.stringContaining('services/ never imports cards/')]);
    expect(await problems('services/example/actions.ts', `import type { TurnScope } from '../../bot/feature';\nexport type X = TurnScope;\n`))
      .toEqual([expect.stringContaining('services/ never imports bot/')]);
    expect(await problems('services/example/actions.ts', `import { TurnContext } from 'botbuilder';\nexport const x = TurnContext;\n`))
      .toEqual([expect.stringContaining('Only bot/ may import botbuilder')]);
  });

  it('cards use services\' types only', async () => {
    expect(await problems('cards/example/views.ts', `import type { Actor } from '../../services/authz';\nexport type X = Actor;\n`)).toEqual([]);
    expect(await problems('cards/example/views.ts', `import { can } from '../../services/authz';\nexport const x = can;\n`))
      .toEqual([expect.stringContaining('cards/ may use services\' types only')]);
  });

  it('lib and config import no other layer', async () => {
    expect(await problems('lib/example.ts', `import { audit } from '../services/audit/store';\nexport const x = audit;\n`))
      .toEqual([expect.stringContaining('lib/ and config/ sit below every other layer')]);
  });

  it('SQL lives in a store or services/db only', async () => {
    const sql = 'import type { Queryable } from \'../db\';\nexport const f = (q: Queryable) => q.query(`SELECT 1 FROM people WHERE aad_object_id = $1`, [1]);\n';
    expect(await problems('services/example/actions.ts', sql)).toEqual([expect.stringContaining('SQL belongs in the feature\'s store')]);
    expect(await problems('bot/features/example.ts', sql.replace('../db', '../../services/db'))).toEqual([expect.stringContaining('SQL belongs')]);
    expect(await problems('services/example/store.ts', sql)).toEqual([]);
    // Dutch text that starts like SQL is no statement.
    expect(await problems('services/example/actions.ts', `export const t = 'Update: de statusaanpassing is gepubliceerd';\n`)).toEqual([]);
  });
});
