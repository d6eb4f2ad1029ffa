import { defaultOfficeInput, parseOffice } from '../../../config/office';
import { allNormal } from '../../../config/rings';
import { statusView } from '../../../cards/status/overview-views';

const model = parseOffice(defaultOfficeInput).rings;

describe('status card views (pure)', () => {
  it('shows every ring and task on the status card with the change in force', () => {
    const view = statusView(model, { tasks: allNormal(model) });
    expect(view.rings.map((r) => r.name)).toEqual(['Kern', 'Ring 1', 'Ring 2', 'Ring 3 (buitenste ring)', 'Buiten de ringen']);
    expect(view.rings.flatMap((r) => r.tasks)).toHaveLength(model.tasks.length);
    expect(view.headline).toContain('Alle taken worden normaal uitgevoerd');
  });
});
