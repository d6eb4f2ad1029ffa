import { defaultOfficeInput, parseOffice } from '../../../config/office';
import { allNormal, applyPreset, ringPresets } from '../../../config/rings';
import { changesToCsv, changesToMarkdown } from '../../../services/status/export';
import type { ChangeRow } from '../../../services/status/types';

const office = parseOffice(defaultOfficeInput);
const model = office.rings;
const preset = (id: string) => applyPreset(model, ringPresets.find((p) => p.id === id)!);

describe('status export (pure)', () => {
  it('exports CSV (quoted, formula-safe) and a Markdown summary with before/after per task', () => {
    const change = {
      id: 4, kind: 'change', state: 'published', title: 'Ring 3 gepauzeerd', tasks: preset('ring3-gepauzeerd'), previousTasks: allNormal(model),
      reasonCategory: 'personeelsuitval', reason: '=uitval "Noord"', practiceImpact: 'Afmelden voor ZVH-overleg.', partnerText: null,
      startDate: '2026-12-01', endDate: '2027-03-01', decidedBy: [{ aad: 'a', name: 'Fatima El Amrani' }, { aad: 'b', name: 'Bram Vermeulen' }],
      decidedAt: new Date('2026-11-30T09:00:00Z'), consultationSkipped: null,
    } as unknown as ChangeRow;
    const csv = changesToCsv(office, [change]);
    expect(csv.split('\r\n')[0]).toContain('"ingangsdatum"');
    expect(csv).toContain(`"'=uitval ""Noord"""`);
    expect(csv).toContain('"Fatima El Amrani en Bram Vermeulen"');
    const md = changesToMarkdown(office, [change], '2027-01-05');
    expect(md).toContain('## Ring 3 gepauzeerd');
    expect(md).toContain("| MDO's zonder directe betrokkenheid, zoals zorg- en veiligheidsoverleggen | Normaal | Niet |");
  });
});
