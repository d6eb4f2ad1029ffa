import { findKind } from '../../config/monitoring-rules';
import { dutchDate } from '../../lib/dates';
import type { Actor } from '../../services/authz';
import type { AbsenceKind, AbsenceOverview, ReturnSummary, StandInNotice } from '../../services/absence/types';
import type { RenderContext } from '../registry';

/** View models of the absence cards: domain data → Dutch text. */

const KIND: Record<AbsenceKind, string> = { ziek: 'ziek', verlof: 'verlof', anders: 'afwezig' };

/** What a colleague did on the absentee's behalf, as the return card says it. */
const ACTION: Record<string, string> = {
  'monitoring.close': 'afgesloten (hulp gestart)',
  'monitoring.complete': 'afgerond',
  'monitoring.extend': 'verlengd',
  'monitoring.handover': 'overgedragen',
  'monitoring.escalate': 'geëscaleerd naar de teamleider',
  'monitoring.meeting': 'overleg vastgelegd',
  'caseload.accept': 'hulpaanbod geaccepteerd',
  'mdo.decide': 'besluit vastgelegd',
  'mdo.readvise': 'advies bijgewerkt',
  'mdo.change': 'besluit gewijzigd',
  'mdo.cancel': 'geannuleerd',
};

const period = (startsOn: string, endsOn: string | null, zone: string) =>
  endsOn ? `${dutchDate(startsOn, zone)} tot en met ${dutchDate(endsOn, zone)}` : `vanaf ${dutchDate(startsOn, zone)}, einde nog onbekend`;

export interface AbsenceOverviewCardData {
  message: string;
  /** False when there is nobody the actor may record for (their own regioteam is not known yet): the form is left out. */
  canRecord: boolean;
  /** Why the form is missing and what to do about it. */
  cannotRecordText: string;
  hint: string;
  emptyText: string;
  today: string;
  absences: Array<{ absenceId: number; who: string; text: string; endTitle: string }>;
  people: Array<{ title: string; value: string }>;
  defaultPerson: string;
  standIns: Array<{ title: string; value: string }>;
  defaultStandIn: string;
}

export function overviewView(o: AbsenceOverview, actor: Actor, { zone }: Pick<RenderContext, 'zone'>, message = ''): AbsenceOverviewCardData {
  const mayChoose = actor.isMt || actor.teamleiderOf.length > 0;
  return {
    message,
    canRecord: o.people.length > 0,
    cannotRecordText: mayChoose
      ? 'Wendbaar kent nog niemand in je regioteam(s). Koppel eerst het kanaal van een regioteam (@Wendbaar koppel noord); wie daar een bericht stuurt of lid is van het team, staat daarna hier.'
      : 'Wendbaar weet nog niet in welk regioteam je werkt, dus er is nog geen vervanger of teamleider om je meldingen aan door te geven. ' +
        'Stuur Wendbaar één keer een bericht in het kanaal van je regioteam (@Wendbaar menu) en probeer het dan opnieuw, of vraag je teamleider om je afwezigheid door te geven.',
    hint: mayChoose
      ? 'Geef afwezigheid door voor jezelf of voor iemand uit je team. De vervanger krijgt zolang alle persoonlijke meldingen, gemarkeerd "namens".'
      : 'Je vervanger krijgt zolang je afwezig bent je persoonlijke meldingen, gemarkeerd "namens jou". Kies je niemand, dan krijgt je teamleider ze.',
    emptyText: mayChoose ? 'Niemand staat als afwezig geregistreerd.' : 'Je staat niet als afwezig geregistreerd.',
    today: o.today,
    absences: o.absences.map((a) => ({
      absenceId: a.id,
      who: `${a.personName} · ${KIND[a.kind]}${a.current ? '' : ' (gepland)'}`,
      text: `${period(a.startsOn, a.endsOn, zone)} · ${a.standInName ? `vervanger ${a.standInName}` : 'geen vervanger: de teamleider'}`,
      endTitle: a.current ? 'Terug' : 'Annuleren',
    })),
    people: o.people.map((p) => ({ title: p.aad === actor.aadObjectId ? `${p.name} (ik)` : p.name, value: p.aad })),
    defaultPerson: actor.aadObjectId,
    standIns: [
      ...o.standIns.map((p) => ({ title: p.aad === o.defaultStandIn?.aad ? `${p.name} (buffercollega met de meeste ruimte)` : p.name, value: p.aad })),
      { title: 'Geen vervanger: de teamleider krijgt alles', value: 'none' },
    ],
    defaultStandIn: o.defaultStandIn?.aad ?? 'none',
  };
}

export const recordedMessage = (r: { personName: string; standInName: string | null }) =>
  `Afwezigheid van ${r.personName} vastgelegd. ${r.standInName ? `${r.standInName} vervangt en is op de hoogte gebracht.` : 'Er is geen vervanger: de teamleider krijgt de meldingen.'}`;

export const standInView = (n: StandInNotice, { zone }: Pick<RenderContext, 'zone'>) => ({
  ownerName: n.ownerName,
  recordedByName: n.recordedByName,
  period: period(n.startsOn, n.endsOn, zone).replace(/^./, (c) => c.toUpperCase()),
});

export function returnView(s: ReturnSummary, { office, zone }: RenderContext) {
  const n = s.redirected;
  return {
    firstName: s.ownerName.split(' ')[0] || 'collega',
    period: `Je was afwezig van ${dutchDate(s.startsOn, zone)} tot en met ${dutchDate(s.endsOn, zone)}.`,
    redirectedText: n === 0 ? 'Er zijn in die tijd geen persoonlijke meldingen voor jou verstuurd.' : `${n} ${n === 1 ? 'melding ging' : 'meldingen gingen'} in die tijd naar je vervanger of teamleider.`,
    acted: s.acted.map((a) => ({ text: `${a.caseReference ?? 'Item'}: ${ACTION[a.action] ?? a.action} door ${a.actorName || 'een collega'}` })),
    stillOpen: s.stillOpen.map((i) => {
      const kind = findKind(office.monitoringRules, i.kind);
      const stage = kind?.stages.find((st) => st.id === i.stage);
      return { itemId: i.itemId, due: i.dueOn ? dutchDate(i.dueOn, zone) : '', text: `${i.caseReference} · ${kind?.label ?? i.kind}${stage ? `: ${stage.text}` : ''}` };
    }),
  };
}
