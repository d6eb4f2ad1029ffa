import { absentDaysWithin, covers, currentAbsence, defaultStandIn, effectiveRecipient, type RoutingWorld } from '../../../services/absence/rules';
import type { AbsencePeriod } from '../../../services/absence/types';

const NOW = new Date('2026-11-24T10:00:00+01:00');
const TODAY = '2026-11-24';
let nextId = 1;
const away = (personAad: string, standInAad: string | null, over: Partial<AbsencePeriod> = {}): AbsencePeriod =>
  ({ id: nextId++, personAad, kind: 'ziek', startsOn: '2026-11-23', endsOn: '2026-11-27', standInAad, endedAt: null, ...over });
const world = (absences: AbsencePeriod[], leaders: Record<string, string[]> = { sanne: ['ruben'], daan: ['ruben'], milan: ['ruben'], ruben: [] }): RoutingWorld =>
  ({ absences, teamleidersOf: (aad) => leaders[aad] ?? [], day: TODAY, now: NOW });

describe('absence rules', () => {
  it('covers from the first through the last day, open-ended, until "terug"', () => {
    expect(covers(away('x', null), '2026-11-23', NOW)).toBe(true);
    expect(covers(away('x', null), '2026-11-27', NOW)).toBe(true);
    expect(covers(away('x', null), '2026-11-28', NOW)).toBe(false);
    expect(covers(away('x', null), '2026-11-22', NOW)).toBe(false);
    expect(covers(away('x', null, { endsOn: null }), '2027-06-01', NOW)).toBe(true);
    // "terug" at 09:00 ends it for the rest of the day; one typed later has not happened yet at 10:00.
    expect(covers(away('x', null, { endedAt: '2026-11-24T08:00:00Z' }), TODAY, NOW)).toBe(false);
    expect(covers(away('x', null, { endedAt: '2026-11-24T12:00:00Z' }), TODAY, NOW)).toBe(true);
  });

  it('of overlapping absences the one recorded last decides the stand-in', () => {
    const first = away('sanne', 'daan');
    const second = away('sanne', 'milan', { startsOn: TODAY, endsOn: null });
    expect(currentAbsence([second, first], 'sanne', TODAY, NOW)).toBe(second);
    expect(effectiveRecipient('sanne', world([first, second])).recipientAad).toBe('milan');
    expect(effectiveRecipient('sanne', world([first, away('sanne', 'milan', { startsOn: '2026-11-26' })])).recipientAad).toBe('daan');
  });

  it('sends to the person when present, else to the stand-in, marked on whose behalf', () => {
    expect(effectiveRecipient('sanne', world([away('daan', 'sanne')]))).toEqual({ recipientAad: 'sanne' });
    const absence = away('sanne', 'daan');
    expect(effectiveRecipient('sanne', world([absence]))).toEqual({
      recipientAad: 'daan', onBehalfOf: { ownerAad: 'sanne', absenceId: absence.id, via: 'standIn', until: '2026-11-27' },
    });
  });

  it('falls through to the teamleider when nobody is chosen or the stand-in is away too', () => {
    expect(effectiveRecipient('sanne', world([away('sanne', null)]))).toMatchObject({ recipientAad: 'ruben', onBehalfOf: { via: 'teamleider' } });
    expect(effectiveRecipient('sanne', world([away('sanne', 'daan'), away('daan', 'milan')]))).toMatchObject({ recipientAad: 'ruben', onBehalfOf: { via: 'teamleider' } });
  });

  it('follows stand-ins of stand-ins when the teamleider is away as well, and never loops', () => {
    // Sanne → Daan (away) → Milan; Ruben away.
    expect(effectiveRecipient('sanne', world([away('sanne', 'daan'), away('daan', 'milan'), away('ruben', null)]))).toMatchObject({ recipientAad: 'milan', onBehalfOf: { ownerAad: 'sanne', via: 'standIn' } });
    // Sanne and Daan stand in for each other and both are away, the teamleider too: nobody is left.
    const loop = [away('sanne', 'daan'), away('daan', 'sanne'), away('ruben', 'daan')];
    expect(effectiveRecipient('sanne', world(loop))).toMatchObject({ recipientAad: 'sanne', onBehalfOf: { ownerAad: 'sanne', via: 'nobody' } });
  });

  it('picks the present buffer colleague with the most room as default stand-in', () => {
    const c = (aad: string, isBuffer: boolean, openCases: number, absent = false) => ({ aad, name: aad, isBuffer, openCases, norm: 60, away: absent });
    expect(defaultStandIn([c('daan', true, 50), c('milan', true, 30), c('noor', false, 10)], 'sanne')?.aad).toBe('milan');
    expect(defaultStandIn([c('daan', true, 50), c('milan', true, 30, true)], 'sanne')?.aad).toBe('daan');
    expect(defaultStandIn([c('sanne', true, 10), c('noor', false, 10)], 'sanne')).toBeUndefined();
  });

  it('counts the days of the horizon an absence covers', () => {
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'];
    expect(absentDaysWithin([away('x', null, { startsOn: '2026-11-25' })], days, NOW)).toBe(3);
    expect(absentDaysWithin([away('x', null, { startsOn: '2026-11-25', endsOn: null })], days, NOW)).toBe(4);
  });
});
