import { defaultOfficeInput, parseOffice } from '../../config/office';
import { allNormal, applyPreset, diffStatuses, ringPresets } from '../../config/rings';
import type { ChangeFacts } from '../../services/status/types';
import type { AdaptiveCard } from '../render';
import {
  announcementCard,
  consultationCard,
  decisionCard,
  expiryCard,
  exportCard,
  historyCard,
  previewCard,
  proposalFormCard,
  publishCheckCard,
  responsesCard,
  statusCard,
  unreadCard,
} from './cards';
import { publishCheckView } from './check-views';
import { exportView, historyView, statusView } from './overview-views';
import {
  announcementView,
  consultationView,
  decisionView,
  expiryView,
  previewView,
  proposalFormView,
  responsesView,
  unreadView,
} from './views';

const office = parseOffice(defaultOfficeInput);
const model = office.rings;
const normal = allNormal(model);
const preset = (id: string) => applyPreset(model, ringPresets.find((p) => p.id === id)!);
const ring3Off = preset('ring3-gepauzeerd');

const change: ChangeFacts = {
  id: 7,
  kind: 'change',
  state: 'published',
  title: 'Ring 3 gepauzeerd',
  tasks: ring3Off,
  previousTasks: normal,
  changes: diffStatuses(model, normal, ring3Off),
  reasonCategory: 'personeelsuitval',
  reason: 'Twee consulenten in Noord langdurig afwezig; vacature staat open.',
  practiceImpact: 'Meld je af voor zorg- en veiligheidsoverleggen zonder directe betrokkenheid; stuur zo nodig schriftelijke inbreng.',
  partnerText: 'Het RBL neemt tijdelijk niet deel aan overleggen zonder directe betrokkenheid. Voor vragen blijft uw vaste contactpersoon bereikbaar.',
  startDate: '2026-12-01',
  endDate: '2027-03-01',
  proposedByName: 'Fatima El Amrani',
  consultationDeadline: '2026-11-27',
  consultationSkipped: null,
  firstDecider: 'aad-mt-1',
  firstDeciderName: 'Fatima El Amrani',
  decidedBy: [
    { aad: 'aad-mt-1', name: 'Fatima El Amrani' },
    { aad: 'aad-mt-2', name: 'Bram Vermeulen' },
  ],
};
const proposed: ChangeFacts = { ...change, state: 'proposed', decidedBy: [], firstDecider: null, firstDeciderName: null };
const awaiting: ChangeFacts = { ...proposed, state: 'awaiting_confirmation', firstDecider: 'aad-mt-1', firstDeciderName: 'Fatima El Amrani' };
const counts = { akkoord: 5, zorgen: 2, opmerking: 1 };
const noodstand = preset('noodstand');
const read = (id: number, kind: 'publish' | 'extend', reads: number) => ({ announcement: { id, kind }, reads: { read: reads, audience: 14, apartRead: 2, apartAudience: 4 } });
const remark = (name: string, answer: 'zorgen' | 'opmerking', comment: string) => ({ aadObjectId: name, name, answer, comment, answeredAt: new Date() });

/** Example cards with realistic (invented) data, for the card validity tests and screenshots. */
export const samples: Record<string, AdaptiveCard> = {
  current: statusCard(statusView(model, { tasks: ring3Off, change })),
  currentNormal: statusCard(statusView(model, { tasks: normal })),
  currentWithUpcoming: statusCard(
    statusView(model, { tasks: normal }, [{ id: 7, title: change.title, startDate: '2026-12-09', endDate: '2027-03-01', changes: change.changes }]),
  ),
  proposalForm: proposalFormCard(proposalFormView(model, { startDate: '2026-12-01', endDate: '2027-03-01' })),
  preview: previewCard(previewView(office, { change: { ...change, state: 'draft' }, deadline: '2026-11-27', linkedTeams: ['noord', 'zuid'] })),
  consultation: consultationCard(consultationView({ change: proposed, counts })),
  consultationAnswered: consultationCard(consultationView({ change: proposed, counts }, 'zorgen')),
  consultationClosed: consultationCard(consultationView({ change, counts })),
  decision: decisionCard(decisionView({ change: proposed, counts, viewerAad: 'aad-mt-1', fourEyes: true })),
  publishCheck: publishCheckCard(
    publishCheckView({
      change: proposed,
      counts: { akkoord: 5, zorgen: 1, opmerking: 1 },
      viewerAad: 'aad-mt-1',
      fourEyes: false,
      deadlinePending: true,
      remarks: [
        remark('Daan Jansen', 'zorgen', 'In Zuid lopen twee VIOS-overleggen waar we wel nodig zijn.'),
        remark('Sanne Bakker', 'opmerking', 'Graag een vast format voor schriftelijke inbreng.'),
      ],
    }),
  ),
  decisionConfirm: decisionCard(decisionView({ change: awaiting, counts, viewerAad: 'aad-mt-2', fourEyes: true })),
  responses: responsesCard(
    responsesView({
      change: proposed,
      rows: [
        { aadObjectId: 'a1', name: 'Sanne Bakker', answer: 'akkoord', comment: 'Begrijpelijk; graag een vast schriftelijk format voor inbreng.', answeredAt: new Date() },
        { aadObjectId: 'a2', name: 'Daan Jansen', answer: 'zorgen', comment: 'In Zuid lopen twee VIOS-overleggen waar we wel nodig zijn.', answeredAt: new Date() },
        { aadObjectId: 'a3', name: 'Joost Mulder', answer: 'opmerking', comment: null, answeredAt: new Date() },
      ],
      counts: { akkoord: 1, zorgen: 1, opmerking: 1 },
    }),
  ),
  announcement: announcementCard(announcementView({ change, ...read(12, 'publish', 9) })),
  announcementMtView: announcementCard(announcementView({ change, ...read(12, 'publish', 9), viewer: { read: true, mt: true } }), ['29:mt-1', '29:consulent-1']),
  announcementOutsideView: announcementCard(announcementView({ change, ...read(12, 'publish', 9), viewer: { read: true, mt: false, outside: true } })),
  announcementReminder: announcementCard(announcementView({ change, ...read(12, 'publish', 11) }, 'reminder')),
  announcementExtended: announcementCard(announcementView({ change: { ...change, endDate: '2027-05-01' }, ...read(15, 'extend', 0) })),
  unread: unreadCard(
    unreadView(office, {
      change,
      announcement: { id: 12 },
      unread: [
        { name: 'Noor Hendriks', regioteam: 'noord' },
        { name: 'Milan de Boer', regioteam: 'zuid' },
      ],
      read: 12,
    }),
  ),
  expiry: expiryCard(expiryView({ change, overdue: false, suggestedEnd: '2027-04-01' })),
  expiryOverdue: expiryCard(expiryView({ change, overdue: true, suggestedEnd: '2027-04-01' })),
  export: exportCard(
    exportView({
      changes: [{ ...change, id: 3, title: 'Noodstand: alleen kern', state: 'ended', startDate: '2026-03-02', endDate: '2026-04-30' }, change],
      inForceId: 7,
      upcoming: [{ id: 9, title: 'Alleen kern en ring 1', startDate: '2027-03-02', endDate: '2027-05-31', changes: [] }],
      tabUrl: 'https://teams.microsoft.com/l/entity/7c2f3a55-1d2e-4b0a-9f3e-2a1b0c9d8e7f/overzicht',
    }),
  ),
  history: historyCard(
    historyView({
      changes: [
        { ...change, id: 3, title: 'Noodstand: alleen kern', state: 'ended', startDate: '2026-03-02', endDate: '2026-04-30', tasks: noodstand, changes: diffStatuses(model, normal, noodstand) },
        change,
      ],
      inForceId: 7,
    }),
  ),
};
