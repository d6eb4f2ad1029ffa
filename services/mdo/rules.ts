import { DateTime } from 'luxon';
import type { MdoType } from '../../config/mdo-catalogue';
import type { Office } from '../../config/office';
import { addWorkingDays } from '../../lib/dates';
import { timeZone } from '../../lib/time-zone';
import type { ExecutionStatus } from '../../config/rings';
import type { RingState } from '../status/current';
import { EXECUTION_STATUS_LABEL, type MdoCategory, type MdoOutcome } from '../../config/mdo-labels';

/**
 * The office's MDO criteria (verbetervoorstel 8) as a pure function: legal basis first, then the
 * criteria, the core-and-rings status and the lighter alternatives. Every step that shaped the
 * outcome adds a Dutch reason for the card.
 */
export type YesNo = 'ja' | 'nee';

export interface MdoAnswers {
  /** The consulent is actively involved with a youth who is discussed (case reference given). */
  involved: boolean;
  legalBasis: 'ja' | 'nee' | 'onbekend';
  coreTasks: boolean;
  concreteActions: boolean;
  /** Only asked for thematic/overarching meetings: a concrete reason from the RBL or a partner. */
  concreteReason?: boolean;
  canOnline: boolean;
  colleagueGoing: boolean;
  writtenEnough: boolean;
}

/** Why a "niet deelnemen" advice was given; picks the sentence for the organiser. */
export type DeclineGround = 'geen-grondslag' | 'thematisch' | 'criteria' | 'ring' | 'geen-vorm';

export interface MdoAdvice {
  category: MdoCategory;
  outcome: MdoOutcome;
  reasons: string[];
  /** The ring tasks this MDO falls under and their status, as used. */
  ringTasks: Array<{ taskId: string; status: ExecutionStatus }>;
  declineGround?: DeclineGround;
}

export const MDO_TASKS = {
  directOnline: 'mdo-direct-online',
  directFysiek: 'mdo-direct-fysiek',
  zonderBetrokkenheid: 'mdo-zonder-betrokkenheid',
} as const;

const TASK_TEXT: Record<string, string> = {
  [MDO_TASKS.directOnline]: "MDO's met directe betrokkenheid, online (ring 1)",
  [MDO_TASKS.directFysiek]: "MDO's met directe betrokkenheid, fysiek (ring 2)",
  [MDO_TASKS.zonderBetrokkenheid]: "MDO's zonder directe betrokkenheid (ring 3)",
};

const statusOf = (ring: RingState, taskId: string): ExecutionStatus => ring.tasks[taskId] ?? 'normaal';

function ringReason(ring: RingState, taskId: string): string {
  const status = statusOf(ring, taskId);
  const change = ring.activeChange ? ` (statusaanpassing "${ring.activeChange.title}")` : '';
  return `${TASK_TEXT[taskId]}: ${EXECUTION_STATUS_LABEL[status]}${status === 'normaal' ? '' : change}.`;
}

/**
 * The priority category and why it applies to these answers. The card shows the category's
 * definition next to its name, so the reason says only what in the answers makes it so.
 */
export function categorise(answers: MdoAnswers, type: Pick<MdoType, 'thematic'>): { category: MdoCategory; reason: string } {
  if (answers.involved && answers.concreteActions) {
    return { category: 'essentieel', reason: 'Je bent actief betrokken en er worden besluiten genomen: daarom essentieel.' };
  }
  if (type.thematic) {
    return { category: 'laag-urgent', reason: 'Dit is een thematisch of overstijgend overleg: daarom laag-urgent.' };
  }
  if (!answers.involved && !answers.coreTasks) {
    return { category: 'laag-urgent', reason: 'Je bent niet direct betrokken en het overleg draagt niet direct bij aan de kerntaken: daarom laag-urgent.' };
  }
  return {
    category: 'belangrijk',
    reason: answers.involved
      ? 'Je bent actief betrokken, maar er worden geen besluiten genomen: daarom belangrijk.'
      : 'Je bent niet direct betrokken, maar het overleg draagt bij aan de kerntaken: daarom belangrijk.',
  };
}

/**
 * The advice for one MDO. `ring` is the ring state in force on the meeting date; a task at
 * "niet" blocks the form of participation it covers, "soberder" keeps only what is really needed.
 */
export function adviseMdo(answers: MdoAnswers, type: Pick<MdoType, 'thematic'>, ring: RingState): MdoAdvice {
  const { category, reason: categoryReason } = categorise(answers, type);
  const reasons = [categoryReason];
  const taskIds = answers.involved ? [MDO_TASKS.directOnline, MDO_TASKS.directFysiek] : [MDO_TASKS.zonderBetrokkenheid];
  const ringTasks = taskIds.map((taskId) => ({ taskId, status: statusOf(ring, taskId) }));
  const done = (outcome: MdoOutcome, declineGround?: DeclineGround): MdoAdvice => ({ category, outcome, reasons, ringTasks, declineGround });

  // 1. Legal basis and data exchange, always checked with the privacy officer.
  if (answers.legalBasis === 'onbekend') {
    reasons.push('Nog niet vastgesteld is of er een wettelijke grondslag is en of de gegevensuitwisseling in orde is. Stem dit eerst af met de privacy-officer; tot die akkoord geeft, neem je niet deel.');
    return done('juridische-toets');
  }
  if (answers.legalBasis === 'nee') {
    reasons.push('Er is geen wettelijke grondslag of de voorwaarden voor gegevensuitwisseling zijn niet in orde. Dan is deelname juridisch niet toegestaan.');
    return done('niet-deelnemen', 'geen-grondslag');
  }
  reasons.push('De wettelijke grondslag en de gegevensuitwisseling zijn in orde (afgestemd met de privacy-officer).');

  // 2. Thematic and overarching meetings: in principle not, unless there is a concrete reason.
  if (type.thematic) {
    if (!answers.concreteReason) {
      reasons.push('Bij thematische en overstijgende overleggen sluit het RBL in principe niet aan, tenzij er een concrete aanleiding is vanuit de eigen organisatie of een samenwerkingspartner. Die is er niet.');
      return done('niet-deelnemen', 'thematisch');
    }
    reasons.push('Dit is een thematisch overleg, maar er is een concrete aanleiding vanuit het RBL of een samenwerkingspartner.');
  }

  // 3. The ring status: a task at "niet" blocks; "soberder" keeps only what is really needed.
  for (const { taskId } of ringTasks) reasons.push(ringReason(ring, taskId));
  const [first, second] = ringTasks;
  if (answers.involved ? first!.status === 'niet' && second!.status === 'niet' : first!.status === 'niet') {
    reasons.push(answers.involved
      ? "Deelname aan MDO's met directe betrokkenheid is tijdelijk gepauzeerd, online en fysiek."
      : "Deelname aan MDO's waarbij het RBL niet direct betrokken is, is tijdelijk gepauzeerd (buitenste ring). Dit overleg valt daaronder.");
    return done('niet-deelnemen', 'ring');
  }
  if (!answers.involved && first!.status === 'soberder' && category === 'laag-urgent') {
    reasons.push("MDO's zonder directe betrokkenheid worden soberder uitgevoerd: alleen waar het echt nodig is. Een laag-urgent overleg valt daar niet onder.");
    return done('niet-deelnemen', 'ring');
  }

  // 4. The criteria: a direct contribution to the core tasks and concrete actions or decisions.
  if (!answers.coreTasks || !answers.concreteActions) {
    const missing = [
      !answers.coreTasks ? 'draagt niet direct bij aan de kerntaken van het RBL' : '',
      !answers.concreteActions ? 'leidt niet tot concrete acties of besluiten' : '',
    ].filter(Boolean).join(' en ');
    if (answers.writtenEnough) {
      reasons.push(`Het overleg ${missing}; deelname is dan niet nodig. Schriftelijke inbreng volstaat.`);
      return done('schriftelijk');
    }
    reasons.push(`Het overleg ${missing}. Een overleg moet een directe bijdrage leveren aan de kerntaken en tot concrete acties of besluiten leiden.`);
    return done('niet-deelnemen', 'criteria');
  }
  reasons.push('Het overleg draagt direct bij aan de kerntaken en leidt tot concrete acties of besluiten.');

  // 5. Less burdensome alternatives first.
  if (answers.writtenEnough) {
    reasons.push('Schriftelijke informatievoorziening volstaat; dan is deelname aan het overleg veelal niet nodig. Vragen vooraf (verrijkingsvragen per e-mail) handelt in de regel een administratief medewerker af.');
    return done('schriftelijk');
  }
  if (answers.colleagueGoing) {
    reasons.push('Een collega van het RBL neemt al deel en kan het RBL vertegenwoordigen; dat is efficiënter dan een tweede deelnemer.');
    return done('vertegenwoordigen');
  }

  // 6. Attend: online in principle; physically only when online cannot and the ring allows it.
  const onlineStatus = first!.status;
  const physicalStatus = answers.involved ? second!.status : first!.status;
  const onlineAllowed = answers.canOnline && onlineStatus !== 'niet';
  const physicalAllowed = physicalStatus !== 'niet' && (physicalStatus !== 'soberder' || category === 'essentieel');
  if (answers.involved && physicalStatus === 'intensiever' && physicalAllowed) {
    reasons.push("Fysieke deelname aan MDO's met directe betrokkenheid krijgt tijdelijk extra inzet; neem daarom fysiek deel.");
    return done('fysiek');
  }
  if (onlineAllowed) {
    reasons.push(answers.involved
      ? 'Online deelnemen kan; bij directe betrokkenheid neemt het RBL in principe online deel (ring 1).'
      : 'Online deelnemen kan; dat kost het minste tijd.');
    return done('online');
  }
  if (answers.canOnline && onlineStatus === 'niet') reasons.push('Online deelname is tijdelijk gepauzeerd.');
  else reasons.push('Online deelnemen kan bij dit overleg niet.');
  if (physicalAllowed) {
    reasons.push(physicalStatus === 'soberder'
      ? 'Fysieke deelname wordt soberder uitgevoerd, maar dit overleg is essentieel: neem fysiek deel.'
      : 'Fysiek deelnemen past binnen de huidige status van kern en ringen.');
    return done('fysiek');
  }
  reasons.push(physicalStatus === 'soberder'
    ? 'Fysieke deelname wordt soberder uitgevoerd en is alleen voor essentiële overleggen. Vraag de organisator om een online mogelijkheid of stuur schriftelijke inbreng.'
    : 'Fysieke deelname is tijdelijk gepauzeerd. Vraag de organisator om een online mogelijkheid of stuur schriftelijke inbreng.');
  return done('niet-deelnemen', 'geen-vorm');
}

/**
 * Estimated hours saved by one decision, stored with it so later catalogue changes do not rewrite
 * history. Definition: a meeting not attended at all (niet deelnemen, schriftelijke inbreng,
 * laten vertegenwoordigen) saves its `hoursPerMeeting`; attending online instead of on site saves
 * the travel time (`travelHours`); attending physically saves nothing, and "eerst juridische toets"
 * is not yet a choice about attending, so it saves nothing either.
 */
export function hoursSavedFor(outcome: MdoOutcome, type: Pick<MdoType, 'hoursPerMeeting' | 'travelHours'>): number {
  switch (outcome) {
    case 'niet-deelnemen':
    case 'schriftelijk':
    case 'vertegenwoordigen':
      return type.hoursPerMeeting;
    case 'online':
      return type.travelHours;
    default:
      return 0;
  }
}


/**
 * The evaluation period around `now`: from the last half-yearly evaluation date (or six months
 * back) to the next one (or six months on), in the office time zone.
 */
export function evaluationPeriod(evaluationDates: string[], now: Date, zone: string): { from: Date; to: Date } {
  const today = DateTime.fromJSDate(now, { zone: timeZone(zone) }).toISODate()!;
  const sorted = [...evaluationDates].sort();
  const last = sorted.filter((d) => d <= today).at(-1);
  const next = sorted.find((d) => d > today);
  const day = (iso: string) => DateTime.fromISO(iso, { zone: timeZone(zone) }).startOf('day');
  const from = last ? day(last) : next ? day(next).minus({ months: 6 }) : DateTime.fromJSDate(now, { zone: timeZone(zone) }).startOf('day').minus({ months: 6 });
  const to = next ? day(next) : from.plus({ months: 6 });
  return { from: from.toJSDate(), to: to.toJSDate() };
}

/** The consulent's reminder moment: 09:00 on the working day before the meeting. */
export function reminderTime(meetingAt: Date, office: Pick<Office, 'publicHolidays'>, zone: string): Date {
  const day = DateTime.fromJSDate(meetingAt, { zone: timeZone(zone) }).startOf('day');
  return addWorkingDays(day, -1, office).set({ hour: 9 }).toJSDate();
}
