import { z } from 'zod';

/** MDO types named in verbetervoorstel 8; hours feed the "estimated hours saved" figure. */
export const mdoTypeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string(),
  /** Thematic/overarching meetings: in principle not, unless there is a concrete reason. */
  thematic: z.boolean().default(false),
  hoursPerMeeting: z.number().positive().default(2),
  /** Travel time saved when the consulent joins online instead of on site (estimate for the overview). */
  travelHours: z.number().min(0).default(0.5),
  /** Extra detail the form asks for: the municipality (VIOS per gemeente) or a description (anders). */
  detail: z.enum(['gemeente', 'omschrijving']).optional(),
  /**
   * Who organises this type of meeting, when that follows from the type; `{gemeente}` is replaced
   * by the gemeente on the form. The form fills it in when the consulent leaves the field empty.
   */
  organiser: z.string().min(1).optional(),
});
export type MdoType = z.infer<typeof mdoTypeSchema>;

export const mdoCatalogueSchema = z.array(mdoTypeSchema).min(1);

export const defaultMdoCatalogue: MdoType[] = [
  { id: 'zvh-jeugdoverleg', name: 'Jeugdoverleg Zorg- en Veiligheidshuis', description: 'Casusoverleg over jeugdigen met zorg- en veiligheidsvraagstukken.', thematic: false, hoursPerMeeting: 2.5, travelHours: 0.5, organiser: 'Zorg- en Veiligheidshuis' },
  { id: 'vios', name: 'VIOS-overleg (per gemeente)', description: 'Gemeentelijk overleg over zorg en veiligheid rond jeugdigen.', thematic: false, hoursPerMeeting: 2, travelHours: 0.5, detail: 'gemeente', organiser: 'Gemeente {gemeente}' },
  { id: 'rondetafel-po', name: 'Rondetafelgesprek PO', description: 'Gesprek met school, ouders en partners over een leerling in het primair onderwijs.', thematic: false, hoursPerMeeting: 1.5, travelHours: 0.5 },
  { id: 'zat-vo', name: 'Zorg- en Adviesteam (ZAT) VO', description: 'Zorgoverleg van een school voor voortgezet onderwijs.', thematic: false, hoursPerMeeting: 2, travelHours: 0.5 },
  { id: 'langdurig-verzuim', name: 'MDO langdurig verzuim', description: 'Overleg over een jeugdige met langdurig verzuim.', thematic: false, hoursPerMeeting: 1.5, travelHours: 0.5 },
  { id: 'thuiszitterstafel', name: 'Thuiszitterstafel', description: 'Bespreking van jeugdigen die langer dan drie maanden thuiszitten.', thematic: false, hoursPerMeeting: 2, travelHours: 0.5 },
  { id: 'thematisch', name: 'Thematisch of overstijgend overleg', description: 'Signalerend of beleidsmatig overleg zonder concrete casus.', thematic: true, hoursPerMeeting: 2, travelHours: 0.5 },
  { id: 'anders', name: 'Anders', description: 'Een ander multidisciplinair overleg.', thematic: false, hoursPerMeeting: 2, travelHours: 0.5, detail: 'omschrijving' },
];

/** How people name a meeting: the type, with its gemeente or the description given on the form. */
export function meetingName(meeting: { mdo_type: string; detail: string | null }, catalogue: readonly MdoType[]): string {
  const type = catalogue.find((t) => t.id === meeting.mdo_type);
  const name = type?.name.replace(/ \(per gemeente\)$/, '') ?? meeting.mdo_type;
  if (!meeting.detail) return name;
  return type?.detail === 'omschrijving' ? meeting.detail : `${name} gemeente ${meeting.detail}`;
}

/** The organiser that follows from the type (and gemeente), or undefined when the consulent must name it. */
export function organiserOf(type: Pick<MdoType, 'organiser'> | undefined, gemeente: string): string | undefined {
  if (!type?.organiser) return undefined;
  if (type.organiser.includes('{gemeente}') && !gemeente.trim()) return undefined;
  return type.organiser.replace('{gemeente}', gemeente.trim());
}
