import { helpRequestCard } from '../../cards/caseload/cards';
import type { RequestCardData } from '../../services/caseload/posts';

/**
 * Teams gives at most 60 users of a card a view of their own (refresh.userIds). The requester and,
 * while they are away, whoever may act for them come first, so a long list of helpers never pushes
 * the stand-in out.
 */
describe('help request card: who gets a view of their own', () => {
  const offers = Array.from({ length: 70 }, (_, i) => ({ id: i + 1, helperAad: `aad-h${i}`, helperName: `Helper ${i}`, helperTeamsId: `29:h${i}`, caseCount: 1, status: 'offered' as const }));
  const data: RequestCardData = {
    request: {
      id: 12, requesterAad: 'aad-sanne', requesterName: 'Sanne Bakker', regioteam: 'noord', kind: 'overnemen', caseCount: 20, reason: 'piekbelasting', urgency: 'week',
      periodFrom: null, periodTo: null, description: null, caseRefs: [], status: 'aangeboden', offeredCases: 20, createdAt: '2026-11-24T08:00:00.000Z',
    },
    offers, requesterTeamsId: '29:sanne', active: true, escalated: false, teamName: 'Regioteam Noord', zone: 'Europe/Amsterdam',
    actingTeamsIds: ['29:daan', '29:ruben'],
  };

  it('keeps the requester and her stand-in and teamleider first, and no more than 60 ids', () => {
    const userIds = (helpRequestCard(data).refresh as { userIds: string[] }).userIds;
    expect(userIds).toHaveLength(60);
    expect(userIds.slice(0, 4)).toEqual(['29:sanne', '29:daan', '29:ruben', '29:h0']);
  });

  it('lists nobody twice: a stand-in who also offered help is there once', () => {
    const userIds = (helpRequestCard({ ...data, offers: offers.slice(0, 2), actingTeamsIds: ['29:h1'] }).refresh as { userIds: string[] }).userIds;
    expect(userIds).toEqual(['29:sanne', '29:h1', '29:h0']);
  });
});
