import type { MdoOutcome } from '../../config/mdo-labels';
import type { DeclineGround } from '../../services/mdo/rules';

export interface OrganiserMessageInput {
  meetingName: string;
  /** Dutch date and time, e.g. "dinsdag 1 december 2026 om 14:00". */
  when: string;
  outcome: MdoOutcome;
  /** Why not attending, when the advice said so and the consulent followed it. */
  declineGround?: DeclineGround;
  senderName: string;
  /** The absent consulent whose MDO this is, when a stand-in sends the message for them. */
  onBehalfOf?: string;
  /** The organising organisation, greeted by name. */
  organiser: string;
}

const DECLINE_TEXT: Record<DeclineGround, string> = {
  'geen-grondslag': 'Er is voor dit overleg geen wettelijke grondslag voor deelname en gegevensuitwisseling door het RBL vastgesteld.',
  thematisch: 'Het RBL sluit in principe niet aan bij thematische en overstijgende overleggen, tenzij er een concrete aanleiding is.',
  criteria: 'Het RBL neemt deel aan overleggen die direct bijdragen aan zijn kerntaken en tot concrete acties of besluiten leiden; dat is hier niet het geval.',
  ring: 'Vanwege de beperkte capaciteit concentreert het RBL zich tijdelijk op zijn kerntaken en neemt het tijdelijk niet deel aan dit soort overleggen.',
  'geen-vorm': 'Fysieke deelname is op dit moment niet mogelijk. Als online deelname mogelijk is, horen we dat graag.',
};

/**
 * A ready-to-send Dutch message telling the organiser what the RBL will do, so partners know what
 * to expect (verbetervoorstel 8). It carries no case references or personal data of youths.
 */
export function organiserMessage(input: OrganiserMessageInput): string {
  const greeting = input.organiser.trim() ? `Beste collega's van ${input.organiser.trim()},` : 'Beste organisator,';
  const head = `${greeting}\n\nBedankt voor de uitnodiging voor het overleg \u2018${input.meetingName}\u2019 op ${input.when}.`;
  const body: Record<MdoOutcome, string> = {
    online: 'Het Regionaal Bureau Leerlingzaken (RBL) neemt online deel aan dit overleg. Wilt u ons de link voor de online deelname sturen?',
    fysiek: 'Het Regionaal Bureau Leerlingzaken (RBL) neemt op locatie deel aan dit overleg.',
    schriftelijk: 'Het Regionaal Bureau Leerlingzaken (RBL) neemt niet deel aan het overleg, maar levert vooraf schriftelijke inbreng. Vragen ter voorbereiding kunt u per e-mail sturen; een administratief medewerker van het RBL handelt die af.',
    vertegenwoordigen: `Het Regionaal Bureau Leerlingzaken (RBL) wordt bij dit overleg vertegenwoordigd door een collega die al deelneemt. ${input.onBehalfOf ? `${input.onBehalfOf} neemt` : 'Ik neem'} zelf niet deel.`,
    'niet-deelnemen': `Het Regionaal Bureau Leerlingzaken (RBL) neemt niet deel aan dit overleg. ${input.declineGround ? DECLINE_TEXT[input.declineGround] : 'Het RBL maakt bewuste keuzes in deelname aan overleggen, zodat de beschikbare tijd zo goed mogelijk wordt ingezet.'}`,
    'juridische-toets': 'Voordat het Regionaal Bureau Leerlingzaken (RBL) kan deelnemen, stellen we samen met onze privacy-officer vast of deelname juridisch is toegestaan (wettelijke grondslag en gegevensuitwisseling). Tot die tijd nemen we niet deel; u hoort zo snel mogelijk van ons.',
  };
  const signature = input.onBehalfOf ? `${input.senderName}, namens ${input.onBehalfOf}` : input.senderName;
  return `${head}\n\n${body[input.outcome]}\n\nMet vriendelijke groet,\n${signature}\nRegionaal Bureau Leerlingzaken`;
}

/** The message as the card shows it: paragraphs of lines (a TextBlock each, so every client breaks them the same). */
export const messageParagraphs = (message: string) =>
  message.split('\n\n').map((paragraph) => ({ lines: paragraph.split('\n').map((text) => ({ text })) }));

/** A mailto: link that opens a new e-mail with the message filled in; the consulent adds the address. */
export const messageMailto = (subject: string, message: string) =>
  `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message.replace(/\n/g, '\r\n'))}`;
