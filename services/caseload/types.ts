/** Vocabulary of help requests: ids are stored, the Dutch labels are shown. */
export const HELP_KINDS = {
  overnemen: 'Tijdelijk casus(sen) overnemen',
  duo: 'Duo-aanpak bij een complexe casus',
  vervanging: 'Vervanging bij afwezigheid',
  meedenken: 'Meedenken',
} as const;

export const HELP_REASONS = {
  piekbelasting: 'Piekbelasting',
  complex: 'Complexe casus',
  ziekte: 'Ziekte',
  verlof: 'Verlof',
  anders: 'Anders',
} as const;

export const URGENCIES = {
  vandaag: 'Vandaag',
  week: 'Deze week',
  later: 'Komende weken',
} as const;

export const STATUS_LABELS = {
  open: 'Open',
  aangeboden: 'Hulp aangeboden',
  toegewezen: 'Toegewezen',
  afgerond: 'Afgerond',
  ingetrokken: 'Ingetrokken',
} as const;

export type HelpKind = keyof typeof HELP_KINDS;
export type HelpReason = keyof typeof HELP_REASONS;
export type Urgency = keyof typeof URGENCIES;
export type RequestStatus = keyof typeof STATUS_LABELS;
export type OfferStatus = 'offered' | 'accepted' | 'withdrawn';

export const ACTIVE_STATUSES: RequestStatus[] = ['open', 'aangeboden', 'toegewezen'];
/** Requests that still wait for help someone accepted. */
export const UNANSWERED_STATUSES: RequestStatus[] = ['open', 'aangeboden'];

export interface HelpRequest {
  id: number;
  requesterAad: string;
  requesterName: string;
  regioteam: string;
  kind: HelpKind;
  caseCount: number;
  reason: HelpReason;
  urgency: Urgency;
  periodFrom: string | null;
  periodTo: string | null;
  description: string | null;
  caseRefs: string[];
  status: RequestStatus;
  offeredCases: number;
  version: number;
  createdAt: Date;
  escalatedAt: Date | null;
  closedAt: Date | null;
}

export interface HelpOffer {
  id: number;
  requestId: number;
  helperAad: string;
  helperName: string;
  helperTeamsId: string | null;
  caseCount: number;
  status: OfferStatus;
  createdAt: Date;
  acceptedAt: Date | null;
}

export interface RequestDetail {
  request: HelpRequest;
  offers: HelpOffer[];
  requesterTeamsId: string | null;
}

export const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, title]) => ({ title, value }));

/** Idempotency key of the channel post; updates of the card target it. */
export const postKey = (requestId: number) => `helprequest:${requestId}:post`;
