import type { AdaptiveCard } from '../render';
import { evaluationReminderCard, monitoringDigestCard, monitoringItemCard, monitoringStartCard } from './cards';
import type { ItemCardData } from './views';

const openItem: ItemCardData = {
  itemId: 42,
  kindLabel: 'Overdracht aan sociaal wijkteam',
  caseReference: 'C-2026-0412',
  headerStyle: 'warning',
  statusText: 'Open · termijn op di 24 nov 2026',
  currentText: 'Controleer of de hulp is gestart en het verzuim stopt: is de hulp gestart?',
  lateNote: '',
  note: '',
  ownerName: 'Sanne Bakker',
  teamName: 'Regioteam Noord',
  anchorLabel: 'Datum overdracht',
  anchorDate: 'di 27 okt 2026',
  stages: [
    { due: 'di 24 nov 2026', text: 'Controleer of de hulp is gestart en het verzuim stopt: is de hulp gestart?', state: 'gemeld' },
    { due: 'di 8 dec 2026', text: 'De monitoringstermijn loopt af; de regie ligt bij het wijkteam.', state: 'gepland' },
  ],
  actions: { hulpGestart: true, afgerond: true, verlengen: true, overdragen: true, escaleren: true, overleg: false },
  colleagues: [{ title: 'Daan Jansen', value: 'aad-consulent-2' }, { title: 'Noor Hendriks', value: 'aad-consulent-3' }],
  minDate: '2026-11-25',
};

/** Example cards with realistic (invented) data, for the card validity tests and screenshots. */
export const samples: Record<string, AdaptiveCard> = {
  'monitoring-item-open': monitoringItemCard(openItem),
  'monitoring-item-late-vrijstelling': monitoringItemCard({
    ...openItem,
    itemId: 43,
    kindLabel: 'Vrijstelling artikel 5 onder a',
    caseReference: 'C-2025-1187',
    headerStyle: 'attention',
    statusText: 'Open · termijn verlopen op vr 20 nov 2026',
    currentText: 'Plan het overleg met ouders, jeugdige, jeugdarts en samenwerkingsverband.',
    lateNote: 'Te laat gemeld: deze termijn viel op vr 20 nov 2026 terwijl Wendbaar geen herinneringen kon sturen.',
    anchorLabel: 'Einddatum vrijstelling',
    anchorDate: 'za 20 feb 2027',
    stages: [
      { due: 'vr 20 nov 2026', text: 'Plan het overleg met ouders, jeugdige, jeugdarts en samenwerkingsverband.', state: 'te laat gemeld' },
      { due: 'wo 20 jan 2027', text: 'Er is nog geen overleg vastgelegd: plan het overleg.', state: 'gepland' },
    ],
    actions: { hulpGestart: false, afgerond: true, verlengen: true, overdragen: true, escaleren: true, overleg: true },
  }),
  'monitoring-item-closed': monitoringItemCard({
    ...openItem,
    headerStyle: 'good',
    statusText: 'Afgesloten: de hulp is gestart.',
    currentText: '',
    note: 'Geëscaleerd naar de teamleider.',
    stages: [
      { due: 'di 24 nov 2026', text: 'Controleer of de hulp is gestart en het verzuim stopt: is de hulp gestart?', state: 'gemeld' },
      { due: 'di 8 dec 2026', text: 'De monitoringstermijn loopt af; de regie ligt bij het wijkteam.', state: 'vervallen' },
    ],
    actions: { hulpGestart: false, afgerond: false, verlengen: false, overdragen: false, escaleren: false, overleg: false },
  }),
  'monitoring-digest': monitoringDigestCard({
    teamName: 'Regioteam Noord',
    dateText: 'di 24 nov 2026',
    summaryText: '2 vandaag, 1 later deze week, 1 verlopen',
    sections: [
      { title: 'Verlopen (1)', color: 'Attention', groups: [{ owner: 'Daan Jansen', lines: [{ text: 'C-2025-1187 — Vrijstelling artikel 5 onder a: Plan het overleg met ouders, jeugdige, jeugdarts en samenwerkingsverband. (vr 20 nov 2026) · te laat gemeld' }] }] },
      {
        title: 'Vandaag (2)',
        color: 'Warning',
        groups: [
          { owner: 'Daan Jansen', lines: [{ text: 'C-2026-0377 — Niet verschenen op afspraak: Neem contact op en plan een nieuwe afspraak.' }] },
          { owner: 'Sanne Bakker', lines: [{ text: 'C-2026-0412 — Overdracht aan sociaal wijkteam: Controleer of de hulp is gestart en het verzuim stopt: is de hulp gestart?' }] },
        ],
      },
      { title: 'Later deze week (1)', color: 'Default', groups: [{ owner: 'Sanne Bakker', lines: [{ text: 'C-2026-0520 — Thuiszitter: Vier schoolweken thuis: dit is nu een langdurige thuiszitter. (do 26 nov 2026)' }] }] },
    ],
  }),
  'monitoring-start': monitoringStartCard({
    message: 'Monitoring gestart voor casus C-2026-0412 (overdracht aan sociaal wijkteam). Je krijgt een herinnering op elke termijn.',
    hint: 'Datum: overdracht aan sociaal wijkteam = datum overdracht; vrijstelling artikel 5 onder a = einddatum vrijstelling; thuiszitter = thuis sinds.',
    items: [
      { itemId: 42, due: 'di 24 nov 2026', text: 'C-2026-0412 · Overdracht aan sociaal wijkteam: is de hulp gestart?' },
      { itemId: 44, due: 'do 26 nov 2026', text: 'C-2026-0520 · Thuiszitter: Vier schoolweken thuis.' },
    ],
    kinds: [
      { title: 'Overdracht aan sociaal wijkteam', value: 'overdracht-wijkteam' },
      { title: 'Vrijstelling artikel 5 onder a', value: 'vrijstelling-5a' },
      { title: 'Thuiszitter', value: 'thuiszitter' },
      { title: 'Niet verschenen op afspraak', value: 'no-show' },
      { title: 'Preventief gesprek', value: 'preventief-gesprek' },
    ],
    owners: [{ title: 'Sanne Bakker (ik)', value: 'aad-consulent-1' }, { title: 'Daan Jansen', value: 'aad-consulent-2' }],
    defaultOwner: 'aad-consulent-1',
    teams: [{ title: 'Regioteam Noord', value: 'noord' }, { title: 'Regioteam Zuid', value: 'zuid' }],
    defaultTeam: 'noord',
  }),
  'monitoring-start-empty': monitoringStartCard({
    message: '',
    hint: 'Datum: thuiszitter = thuis sinds.',
    items: [],
    kinds: [{ title: 'Thuiszitter', value: 'thuiszitter' }],
    owners: [{ title: 'Sanne Bakker (ik)', value: 'aad-consulent-1' }],
    defaultOwner: 'aad-consulent-1',
    teams: [{ title: 'Regioteam Noord', value: 'noord' }],
    defaultTeam: 'noord',
  }),
  'monitoring-evaluation-reminder': evaluationReminderCard({ dateText: 'ma 15 mrt 2027', weeks: 4 }),
};
