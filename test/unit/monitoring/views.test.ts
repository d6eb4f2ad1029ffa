import { monitoringDigestCard } from '../../../cards/monitoring/cards';
import { sampleItem } from '../../../cards/monitoring/samples';
import { digestView, itemView } from '../../../cards/monitoring/views';
import { defaultOfficeInput, parseOffice } from '../../../config/office';
import type { DigestLine, ItemSnapshot } from '../../../services/monitoring/types';

const ctx = { office: parseOffice(defaultOfficeInput), zone: 'Europe/Amsterdam' };

// The sample's open item, with an owner the bot does not know by name and no colleagues.
const item: ItemSnapshot = { ...sampleItem, ownerName: '', colleagues: [] };

describe('monitoring item card view (cards/monitoring/views.ts)', () => {
  it('shows the current deadline with its rule text, the team from the office and "onbekend" for an unknown owner', () => {
    const view = itemView(item, ctx);
    expect(view).toMatchObject({
      kindLabel: 'Overdracht aan sociaal wijkteam',
      headerStyle: 'warning',
      statusText: 'Open · termijn op di 24 nov 2026',
      currentText: 'Controleer of de hulp is gestart en het verzuim stopt: is de hulp gestart?',
      ownerName: 'onbekend',
      teamName: 'Regioteam Noord',
      anchorLabel: 'Datum overdracht',
      minDate: '2026-11-25',
    });
    expect(view.stages.map((s) => s.state)).toEqual(['gemeld', 'gepland']);
    // Hand-over needs a colleague to hand over to.
    expect(view.actions).toEqual({ hulpGestart: true, afgerond: true, verlengen: true, overdragen: false, escaleren: true, overleg: false });
    expect(itemView({ ...item, colleagues: [{ aad: 'aad-2', name: 'Daan Jansen' }] }, ctx).actions.overdragen).toBe(true);
  });

  it('marks a late or overdue deadline, an extension and an escalation; a closed item offers nothing', () => {
    const late = itemView({ ...item, today: '2026-11-27', escalated: true, stages: [{ ...item.stages[0]!, late: true, round: 1 }, item.stages[1]!] }, ctx);
    expect(late.headerStyle).toBe('attention');
    expect(late.statusText).toBe('Open · termijn verlopen op di 24 nov 2026');
    expect(late.lateNote).toContain('Te laat gemeld: deze termijn viel op di 24 nov 2026');
    expect(late.note).toBe('Geëscaleerd naar de teamleider. Verlengd tot di 24 nov 2026.');
    expect(late.actions.escaleren).toBe(false);
    const closed = itemView({ ...item, status: 'closed', outcome: 'afgerond', currentStage: undefined }, ctx);
    expect([closed.headerStyle, closed.statusText, closed.currentText]).toEqual(['good', 'Afgerond.', '']);
    expect(Object.values(closed.actions).some(Boolean)).toBe(false);
  });
});

describe('monitoring digest view (cards/monitoring/views.ts)', () => {
  const line = (caseReference: string, ownerName: string, dueOn = '2026-11-24', late = false): DigestLine =>
    ({ caseReference, kind: 'no-show', stage: 'opvolgen', dueOn, late, ownerName });

  it('groups per consulent alphabetically, dates only lines not due today, and counts in one line', () => {
    const view = digestView({
      regioteam: 'noord',
      today: '2026-11-24',
      overdue: [line('C-3', 'Sanne Bakker', '2026-11-20', true)],
      dueToday: [line('C-2', 'Sanne Bakker'), line('C-1', ''), line('C-4', 'Daan Jansen')],
      upcoming: [],
    }, ctx);
    expect(view.summaryText).toBe('3 vandaag, 0 later deze week, 1 verlopen');
    expect(view.sections.map((s) => s.title)).toEqual(['Verlopen (1)', 'Vandaag (3)']);
    expect(view.sections[0]!.groups[0]!.lines[0]!.text).toBe('C-3 — Niet verschenen op afspraak: Neem contact op en plan een nieuwe afspraak. (vr 20 nov 2026) · te laat gemeld');
    expect(view.sections[1]!.groups.map((g) => g.owner)).toEqual(['Daan Jansen', 'Onbekende consulent', 'Sanne Bakker']);
  });

  it('says all is handled when the refreshed digest has nothing left', () => {
    const view = digestView({ regioteam: 'zuid', today: '2026-11-24', overdue: [], dueToday: [], upcoming: [] }, ctx);
    expect(view).toEqual({ teamName: 'Regioteam Zuid', dateText: 'di 24 nov 2026', summaryText: 'alles is afgehandeld', sections: [], mentions: [] });
  });

  it('@mentions the consulenten who must act today or are overdue, once each, and nobody for later this week', () => {
    const known = (caseReference: string, name: string, teamsId: string, dueOn = '2026-11-24'): DigestLine => ({ ...line(caseReference, name, dueOn), ownerTeamsId: teamsId });
    const view = digestView({
      regioteam: 'noord',
      today: '2026-11-24',
      overdue: [known('C-3', 'Sanne Bakker', '29:sanne', '2026-11-20')],
      dueToday: [known('C-2', 'Sanne Bakker', '29:sanne'), line('C-1', '')],
      upcoming: [known('C-5', 'Daan Jansen', '29:daan', '2026-11-26')],
    }, ctx);
    expect(view.mentions).toEqual([
      { type: 'mention', text: '<at>Sanne Bakker</at>', mentioned: { id: '29:sanne', name: 'Sanne Bakker' } },
      { type: 'mention', text: '<at>Sanne Bakker</at>', mentioned: { id: '29:sanne', name: 'Sanne Bakker' } },
    ]);
    expect(view.sections.map((s) => s.groups.map((g) => g.owner))).toEqual([['<at>Sanne Bakker</at>'], ['Onbekende consulent', '<at>Sanne Bakker</at>'], ['Daan Jansen']]);
    // The card carries each person once.
    expect(monitoringDigestCard(view).msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Sanne Bakker</at>', mentioned: { id: '29:sanne', name: 'Sanne Bakker' } }] });
  });
});
