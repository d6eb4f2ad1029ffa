/**
 * The personal-data screen measured on the corpus (test/privacy/corpus.ts): recall and precision
 * per kind of personal data, printed for the privacy officer and the integrator.
 */
import { defaultOfficeInput, parseOffice } from '../../config/office';
import { findPersonalData, screenContext, type PersonalDataKind, type ScreenContext } from '../../services/privacy';
import { users } from '../fixtures/people';
import { REFERENCE_DAY, harmless, personal } from './corpus';

const KINDS: PersonalDataKind[] = ['naam', 'geboortedatum', 'gezondheid', 'telefoonnummer', 'e-mailadres', 'bsn', 'iban', 'adres'];

let ctx: ScreenContext;
beforeAll(async () => {
  const [year, month, day] = REFERENCE_DAY.split('-').map(Number) as [number, number, number];
  ctx = await screenContext({ office: parseOffice(defaultOfficeInput), today: { year, month, day }, staffNames: Object.values(users).map((u) => u.name) });
});

const found = (text: string) => new Set(findPersonalData(text, ctx).map((f) => f.kind));

describe('personal-data screen on the office corpus', () => {
  it('has at least 300 sentences, about half of them with personal data of every kind', () => {
    expect(personal.length + harmless.length).toBeGreaterThanOrEqual(300);
    expect(Math.abs(personal.length - harmless.length)).toBeLessThan(30);
    for (const kind of KINDS) expect(personal.filter((s) => s.kinds.includes(kind)).length).toBeGreaterThanOrEqual(10);
  });

  it('finds every piece of personal data (recall 1.0) and refuses little else (precision >= 0.97, no kind below 0.9)', () => {
    const rows: string[] = [];
    const problems: string[] = [];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const kind of KINDS) {
      let kindTp = 0;
      let kindFp = 0;
      let kindFn = 0;
      for (const s of personal) {
        const has = found(s.text).has(kind);
        if (s.kinds.includes(kind)) {
          if (has) kindTp += 1;
          else {
            kindFn += 1;
            problems.push(`missed ${kind}: ${s.text}`);
          }
        } else if (has) {
          kindFp += 1;
          problems.push(`extra ${kind}: ${s.text}`);
        }
      }
      for (const s of harmless) {
        if (found(s.text).has(kind)) {
          kindFp += 1;
          problems.push(`false ${kind} (${s.looksLike}): ${s.text} → ${findPersonalData(s.text, ctx).filter((f) => f.kind === kind).map((f) => f.text).join(' | ')}`);
        }
      }
      tp += kindTp;
      fp += kindFp;
      fn += kindFn;
      const precision = kindTp / Math.max(1, kindTp + kindFp);
      const recall = kindTp / Math.max(1, kindTp + kindFn);
      rows.push(`${kind.padEnd(15)} recall ${recall.toFixed(3)} (${kindTp}/${kindTp + kindFn})  precision ${precision.toFixed(3)} (${kindFp} false)`);
    }
    const falseAlarmSentences = harmless.filter((s) => found(s.text).size > 0).length;
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    console.log(
      `personal-data screen on ${personal.length} sentences with and ${harmless.length} without personal data (day ${REFERENCE_DAY}):\n` +
        rows.join('\n') +
        `\n${'overall'.padEnd(15)} recall ${recall.toFixed(3)}  precision ${precision.toFixed(3)}; ${falseAlarmSentences} of ${harmless.length} harmless sentences refused` +
        (problems.length ? `\n  ${problems.join('\n  ')}` : ''),
    );
    expect(problems.filter((p) => p.startsWith('missed'))).toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    for (const row of rows) expect(Number(/precision (\d\.\d+)/.exec(row)![1])).toBeGreaterThanOrEqual(0.9);
  });
});
