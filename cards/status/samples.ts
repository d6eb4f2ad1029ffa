import { defaultOfficeInput, parseOffice } from '../../config/office';
import { ringPresets } from '../../config/rings';
import { applyPreset, allNormal } from '../../services/status/model';
import type { ChangeRow } from '../../services/status/store';
import {
  announcementView,
  consultationView,
  decisionView,
  expiryView,
  historyView,
  previewView,
  responsesView,
  statusView,
  unreadView,
} from '../../services/status/views';
import type { AdaptiveCard } from '../render';
import {
  announcementCard,
  consultationCard,
  decisionCard,
  expiryCard,
  historyCard,
  previewCard,
  proposalFormCard,
  responsesCard,
  statusCard,
  unreadCard,
} from '.';

const office = parseOffice(defaultOfficeInput);
const model = office.rings;
const normal = allNormal(model);
const ring3Off = applyPreset(model, ringPresets.find((p) => p.id === 'ring3-gepauzeerd')!);

const change: ChangeRow = {
  id: 7,
  kind: 'change',
  endsChangeId: null,
  state: 'published',
  title: 'Ring 3 gepauzeerd',
  preset: 'ring3-gepauzeerd',
  tasks: ring3Off,
  previousTasks: normal,
  reasonCategory: 'personeelsuitval',
  reason: 'Twee consulenten in Noord langdurig afwezig; vacature staat open.',
  practiceImpact: 'Meld je af voor zorg- en veiligheidsoverleggen zonder directe betrokkenheid; stuur zo nodig schriftelijke inbreng.',
  partnerText: 'Het RBL neemt tijdelijk niet deel aan overleggen zonder directe betrokkenheid. Voor vragen blijft uw vaste contactpersoon bereikbaar.',
  startDate: '2026-12-01',
  endDate: '2027-03-01',
  proposedBy: 'aad-mt-1',
  proposedByName: 'Fatima El Amrani',
  proposedAt: new Date('2026-11-24T09:00:00+01:00'),
  consultationDeadline: '2026-11-27',
  consultationSkipped: null,
  consultationChannels: ['noord', 'zuid'],
  firstDecider: 'aad-mt-1',
  firstDeciderName: 'Fatima El Amrani',
  decidedBy: [
    { aad: 'aad-mt-1', name: 'Fatima El Amrani' },
    { aad: 'aad-mt-2', name: 'Bram Vermeulen' },
  ],
  decidedAt: new Date('2026-11-30T10:00:00+01:00'),
  expiryChoice: null,
  expiryNoticeFor: null,
  endedAt: null,
  cardVersion: 3,
};
const proposed: ChangeRow = { ...change, state: 'proposed', decidedBy: [], firstDecider: null, firstDeciderName: null, decidedAt: null };
const awaiting: ChangeRow = { ...proposed, state: 'awaiting_confirmation', firstDecider: 'aad-mt-1', firstDeciderName: 'Fatima El Amrani' };
const counts = { akkoord: 5, zorgen: 2, opmerking: 1 };

/** Example cards with realistic (invented) data, for the card validity tests and screenshots. */
export const samples: Record<string, AdaptiveCard> = {
  current: statusCard(statusView(model, { tasks: ring3Off, change })),
  currentNormal: statusCard(statusView(model, { tasks: normal })),
  proposalForm: proposalFormCard({
    preset: '',
    presets: [...ringPresets.map((p) => ({ title: `${p.name}: ${p.description}`, value: p.id })), { title: 'Per taak kiezen', value: 'per-taak' }],
    taskInputs: model.tasks.map((t) => ({
      inputId: `task_${t.id}`,
      label: `${t.name}${t.ring === 'kern' ? ' (kern)' : ''}`,
      value: 'normaal',
      choices: (t.ring === 'kern' ? ['normaal', 'soberder', 'intensiever'] : ['normaal', 'soberder', 'intensiever', 'niet']).map((s) => ({ title: s, value: s })),
    })),
    reasonCategory: '',
    reasons: [
      { title: 'Personeelsuitval', value: 'personeelsuitval' },
      { title: 'Financiële beperking', value: 'financiele-beperking' },
      { title: 'Piek in meldingen', value: 'piek-in-meldingen' },
      { title: 'Anders', value: 'anders' },
    ],
    reason: '',
    startDate: '2026-12-01',
    endDate: '2027-03-01',
    practiceImpact: '',
    partnerText: '',
  }),
  preview: previewCard(previewView(model, { ...change, state: 'draft' }, office, '2026-11-27', ['noord', 'zuid'])),
  consultation: consultationCard(consultationView(model, proposed, counts)),
  consultationAnswered: consultationCard(consultationView(model, proposed, counts, 'Je reactie (zorgen) is ontvangen. Opnieuw reageren vervangt je eerdere reactie.')),
  consultationClosed: consultationCard(consultationView(model, change, counts)),
  decision: decisionCard(decisionView(model, proposed, counts, 'aad-mt-1', true)),
  decisionConfirm: decisionCard(decisionView(model, awaiting, counts, 'aad-mt-2', true)),
  responses: responsesCard(
    responsesView(
      proposed,
      [
        { aadObjectId: 'a1', name: 'Sanne Bakker', answer: 'akkoord', comment: 'Begrijpelijk; graag een vast schriftelijk format voor inbreng.', answeredAt: new Date() },
        { aadObjectId: 'a2', name: 'Daan Jansen', answer: 'zorgen', comment: 'In Zuid lopen twee VIOS-overleggen waar we wel nodig zijn.', answeredAt: new Date() },
        { aadObjectId: 'a3', name: 'Joost Mulder', answer: 'opmerking', comment: null, answeredAt: new Date() },
      ],
      { akkoord: 1, zorgen: 1, opmerking: 1 },
    ),
  ),
  announcement: announcementCard(announcementView(model, change, { id: 12, kind: 'publish' }, { read: 9, audience: 14 })),
  announcementReminder: announcementCard(
    announcementView(model, change, { id: 12, kind: 'publish' }, { read: 11, audience: 14 }, 'Herinnering: je hebt deze aankondiging nog niet als gelezen gemarkeerd.'),
  ),
  announcementExtended: announcementCard(announcementView(model, { ...change, endDate: '2027-05-01' }, { id: 15, kind: 'extend' }, { read: 0, audience: 14 })),
  unread: unreadCard(
    unreadView(change, { id: 12 }, [
      { name: 'Noor Hendriks', regioteam: 'noord' },
      { name: 'Milan de Boer', regioteam: 'zuid' },
    ], office, 12),
  ),
  expiry: expiryCard(expiryView(change, false, '2027-04-01')),
  expiryOverdue: expiryCard(expiryView(change, true, '2027-04-01')),
  history: historyCard(
    historyView(model, [
      { ...change, id: 3, title: 'Noodstand: alleen kern', state: 'ended', startDate: '2026-03-02', endDate: '2026-04-30', tasks: applyPreset(model, ringPresets[3]!) },
      change,
    ], 7),
  ),
};
