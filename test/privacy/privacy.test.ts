/**
 * The privacy guard (services/privacy.ts) measured on a labelled corpus of texts consulenten could
 * type into a card: positives carry personal data (BSN, birth dates, e-mail, phone, address) and
 * must all be caught; negatives are ordinary office text (case references, week numbers, counts,
 * times, money, school years, numbers failing the elfproef) and should pass. Dates are judged
 * against a fixed day, so the lists never expire.
 */
import { defaultOfficeInput, parseOffice } from '../../config/office';
import { defaultPrivacyVocabulary } from '../../config/privacy';
import { caseReferenceSchema, findPersonalData, isValidBsn, personalDataRefusal, screenContext, type PersonalDataKind, type ScreenContext } from '../../services/privacy';
import { UserFacingError } from '../../services/errors';
import { isValidIban } from '../../services/personal-data/numbers';
import { users } from '../fixtures/people';

let ctx: ScreenContext;
beforeAll(async () => {
  ctx = await screenContext({ office: parseOffice(defaultOfficeInput), today: { year: 2026, month: 11, day: 24 }, staffNames: Object.values(users).map((u) => u.name) });
});

type Positive = [text: string, kind: PersonalDataKind];

const positives: Positive[] = [
  // BSN: valid by elfproef, plain and grouped
  ['BSN 111222333', 'bsn'],
  ['bsn van de jongere: 123456782', 'bsn'],
  ['Leerling 725763863 is weer thuis', 'bsn'],
  ['nummer 162 275 869 graag nakijken', 'bsn'],
  ['192.285.142', 'bsn'],
  ['691-682-483', 'bsn'],
  ['Het gaat om 9878.25.707', 'bsn'],
  ['zie 68.81.36.138', 'bsn'],
  ['(864623112)', 'bsn'],
  ['burgerservicenummer 3211 46 487', 'bsn'],
  ['BSN: 123456789', 'bsn'], // fails the elfproef, but labelled as BSN: the user meant one
  ['bsn 12345672', 'bsn'], // old 8-digit form, labelled
  // Dates: numeric, ISO, written months, birth keywords
  ['geboren 12-03-2012', 'geboortedatum'],
  ['12/03/2012', 'geboortedatum'],
  ['12.03.2012', 'geboortedatum'],
  ['1-2-12', 'geboortedatum'],
  ['2012-03-12', 'geboortedatum'],
  ['3 maart 2012', 'geboortedatum'],
  ['3 mrt 2012', 'geboortedatum'],
  ["3 mrt. '12", 'geboortedatum'],
  ['03 januari 2011', 'geboortedatum'],
  ['geboren op 14 februari 2010', 'geboortedatum'],
  ['geb. 1 sept 2009', 'geboortedatum'],
  ["12 okt '09", 'geboortedatum'],
  ['21 DECEMBER 2013', 'geboortedatum'],
  ['geboortedatum: 5-11-2011', 'geboortedatum'],
  ['geboren in maart 2012', 'geboortedatum'],
  ['geb. 2010', 'geboortedatum'],
  ['geboren op 3 juli', 'geboortedatum'],
  ['leerling (04-07-2010) verzuimt', 'geboortedatum'],
  // E-mail
  ['mail naar j.jansen@school.nl', 'e-mailadres'],
  ['ouder123@gmail.com', 'e-mailadres'],
  ['info@rbl-regio.nl', 'e-mailadres'],
  ['J.de.Vries@Gemeente.NL graag bellen', 'e-mailadres'],
  ['contact: a_b+rbl@c.co.uk.', 'e-mailadres'],
  ['moeder: fatma.yılmaz@hotmail.com', 'e-mailadres'],
  // Phone numbers: mobile and landline, national and international
  ['06-12345678', 'telefoonnummer'],
  ['bel 0612345678', 'telefoonnummer'],
  ['06 12 34 56 78', 'telefoonnummer'],
  ['06 1234 5678', 'telefoonnummer'],
  ['+31 6 12345678', 'telefoonnummer'],
  ['+31612345678', 'telefoonnummer'],
  ['0031 6 12345678', 'telefoonnummer'],
  ['+31 (0)6 12345678', 'telefoonnummer'],
  ['+31-6-1234 5678', 'telefoonnummer'],
  ['010-1234567', 'telefoonnummer'],
  ['020 123 4567', 'telefoonnummer'],
  ['0575-123456', 'telefoonnummer'],
  ['0575 12 34 56', 'telefoonnummer'],
  ['+31 20 123 4567', 'telefoonnummer'],
  ['0031-10-1234567', 'telefoonnummer'],
  ['(010) 123 45 67', 'telefoonnummer'],
  ['088-1234567 (school)', 'telefoonnummer'],
  ['+31(0)20-1234567', 'telefoonnummer'],
  ['tel. 06.12345678', 'telefoonnummer'],
  // Postcode (+ house number) and street + number
  ['1234 AB 12', 'adres'],
  ['1234AB', 'adres'],
  ['2511 CV Den Haag', 'adres'],
  ['postcode 3011 AA, huisnummer 5', 'adres'],
  ['postcode 3011aa', 'adres'],
  ['Kerkstraat 12', 'adres'],
  ['woont op de Dorpsstraat 5a', 'adres'],
  ['Stationsweg 3-2', 'adres'],
  ['Lindenlaan 14 in Assen', 'adres'],
  ['Oude Gracht 45', 'adres'],
  ['Nieuwe Binnenweg 12B', 'adres'],
  ['Laan van Meerdervoort 100', 'adres'],
  ['Burgemeester de Withstraat 7', 'adres'],
  ['Van Heutszlaan 9', 'adres'],
  ['Zuidplein 4', 'adres'],
  ['Grote Markt 7', 'adres'],
  ['hoofdstraat 123', 'adres'],
  ['adres: Molenkade 8 bis', 'adres'],
];

const negatives: string[] = [
  // Case references
  'C-2024-0012',
  '2024-00123',
  'casus C-2025-0101 graag overnemen',
  'Carel 2024-0456',
  'RBL-2024-0012 en RBL-2024-0013',
  'zaak 2023/00456',
  'casusnummer 20240012',
  'C-2024-12345 is afgerond',
  // Week numbers, counts, times, money, percentages, school years
  'week 47',
  'in wk 12 en wk 13',
  'MDO in week 3',
  '2024-W47',
  '12 leerlingen op de wachtlijst',
  'caseload van 143 dossiers',
  '3 MDO\'s deze week',
  'ik heb 38 casussen, norm is 30',
  '14:30',
  'om 9.30 uur',
  'van 09:00 tot 17:00',
  'tussen 14.30-15.30 uur',
  'op 15 juni 14:30 overleg',
  'op 3 maart om 14:30',
  '€ 1.250,00',
  'EUR 250',
  '€12,50 per uur',
  '€ 1.234.567 budget',
  '85%',
  '12,5 %',
  'een stijging van 3,2%',
  '2024-2025',
  'schooljaar 2024/2025',
  'schooljaar 24/25',
  'in 2025 VO-scholen bezocht',
  'besluit van het MT in 2024',
  'groep 7/8',
  'versie 1.2.3',
  '0,8 fte',
  '1 op de 10 leerlingen',
  // 9-digit numbers that fail the elfproef (not a BSN)
  '447712782',
  '261973069',
  'referentie 523 938 499',
  '798.935.572',
  'nummer 151847156',
  '177777868 (intern)',
  // Ordinary office text
  'Kan iemand deze casus overnemen? Ik zit boven de norm.',
  'Graag een collega voor het MDO op dinsdag.',
  'De leerling is al 4 weken thuis, thuiszitterstafel volgende maand.',
  'Overleg met school gepland, ouders zijn op de hoogte.',
  'Zie Carel voor de details.',
  'Ik ben volgende week met verlof, vanaf maandag.',
  'Termijn van 6 weken na overdracht verloopt vrijdag.',
  'Evaluatie in maart 2025 met het MT.',
  'Taken uit ring 2 en ring 3 vervallen tijdelijk.',
  'Kern en ring 1 blijven doorgaan.',
  'Status: Kern en Ring 1 actief, Fase Ring 2 vervalt.',
  'Weg van de 3 casussen is er 1 over.',
  'Preventieve aanpak: 16 uur in 4 weken.',
  '@Wendbaar koppel noord',
  'Bel even via Teams als het kan.',
  'Overdracht aan Regioteam Zuid, 2 casussen.',
  'Zomeractie vanaf 1 mei tot de zomervakantie.',
  'Ik kan 5 casussen overnemen vanaf week 48.',
  'Loop 2 uur achter op de planning.',
  'Hoger dan 120% van de norm.',
  'Verzuim van 10 tot 15 uur per maand.',
  'Onderweg naar school, 10 minuten later.',
];

const expectedKinds = (text: string) => new Set(findPersonalData(text, ctx).map((f) => f.kind));

describe('privacy guard corpus', () => {
  it('has a corpus of at least 60 positives and 60 negatives', () => {
    expect(positives.length).toBeGreaterThanOrEqual(60);
    expect(negatives.length).toBeGreaterThanOrEqual(60);
  });

  it('finds every positive (recall 1.0) with the right kind and keeps precision >= 0.95', () => {
    const missed = positives.filter(([text, kind]) => !expectedKinds(text).has(kind));
    const falseAlarms = negatives.filter((text) => findPersonalData(text, ctx).length > 0);
    const truePositives = positives.length - missed.length;
    const recall = truePositives / positives.length;
    const precision = truePositives / (truePositives + falseAlarms.length);
    console.log(
      `privacy guard: recall ${recall.toFixed(3)} (${truePositives}/${positives.length}), ` +
        `precision ${precision.toFixed(3)} (${falseAlarms.length} false alarms on ${negatives.length} negatives)` +
        (missed.length ? `\n  missed: ${missed.map(([t, k]) => `${k}: "${t}"`).join(', ')}` : '') +
        (falseAlarms.length ? `\n  false alarms: ${falseAlarms.map((t) => `"${t}" (${[...expectedKinds(t)].join(',')})`).join(', ')}` : ''),
    );
    expect(missed).toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it.each(positives)('flags %j as %s', (text, kind) => {
    expect([...expectedKinds(text)]).toContain(kind);
  });

  it('checks the elfproef', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('checks IBANs with mod 97 in any grouping', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL06RABO3123456789')).toBe(true);
    expect(isValidIban('NL06RABO3123456788')).toBe(false);
    expect(findPersonalData('rekening NL06 RABO 3123 4567 89', ctx).map((f) => f.kind)).toEqual(['iban']);
    expect(findPersonalData('rekening NL06 RABO 3123 4567 88', ctx)).toEqual([]);
  });

  it('refuses personal data in Dutch, naming the field and what was found, numbers masked', () => {
    const findings = findPersonalData('Jongere woont Kerkstraat 12, bel 06-12345678', ctx);
    const error = personalDataRefusal([{ label: 'Toelichting', purpose: 'casus', findings }], { isMt: false, isBeleid: false });
    expect(error).toBeInstanceOf(UserFacingError);
    const message = error.message;
    expect(message).toContain('"Toelichting"');
    expect(message).toContain('een telefoonnummer (eindigt op 78)');
    expect(message).toContain("een adres: 'Kerkstraat 12'");
    expect(message).not.toContain('06-12345678');
    expect(message).toContain('casusnummer uit Carel');
    expect(findPersonalData('Graag hulp bij C-2024-0012 in week 47.', ctx)).toEqual([]);
    expect(findPersonalData('', ctx)).toEqual([]);
  });

  it('says why health data is refused and gives advice that fits the role', () => {
    const health = findPersonalData('Leerling heeft een ADHD-diagnose en slikt medicatie', ctx);
    const mt = personalDataRefusal([{ label: 'Wat betekent dit voor de dagelijkse praktijk?', purpose: 'beleid', findings: health }], { isMt: true, isBeleid: false }).message;
    expect(mt).toContain("gezondheidsgegevens (diagnose): 'ADHD'");
    expect(mt).toContain("gezondheidsgegevens (medicatie): 'medicatie'");
    expect(mt).toContain('bijzondere persoonsgegevens (AVG art. 9)');
    expect(mt).toContain('beschrijf de groep of de taak zonder namen');
    expect(mt).not.toContain('Carel');
    const consulent = personalDataRefusal([{ label: 'Toelichting', purpose: 'beleid', findings: health }], { isMt: false, isBeleid: false }).message;
    expect(consulent).toContain('schrijf in algemene termen');
    expect(consulent).not.toContain('Carel');
    const organiser = personalDataRefusal([{ label: 'Organiserende organisatie', purpose: 'organisatie', findings: findPersonalData('Bel mw. Jansen op 030-2345678', ctx) }], { isMt: false, isBeleid: false }).message;
    expect(organiser).toContain("In \"Organiserende organisatie\" staat een naam: 'Jansen' en een telefoonnummer (eindigt op 78)");
    expect(organiser).toContain('Noem alleen de organisatie');
  });

  it('reads the vocabulary from the office configuration, and refuses a broken one in English', async () => {
    // The built-in vocabulary is valid as a file too.
    expect(parseOffice({ ...defaultOfficeInput, privacy: defaultPrivacyVocabulary }).privacy).toEqual(defaultPrivacyVocabulary);
    const office = parseOffice({ ...defaultOfficeInput, privacy: { ...defaultPrivacyVocabulary, health: { ...defaultPrivacyVocabulary.health, diagnose: ['hooikoorts'] } } });
    const own = await screenContext({ office, today: ctx.today, staffNames: [] });
    expect(findPersonalData('Last van hooikoorts, mist de gymles', own).map((f) => f.category)).toEqual(['diagnose']);
    expect(findPersonalData('Last van hooikoorts, mist de gymles', ctx)).toEqual([]);
    expect(() => parseOffice({ ...defaultOfficeInput, privacy: { ...defaultPrivacyVocabulary, birthWords: [] } }, 'WENDBAAR_OFFICE_FILE x.json'))
      .toThrow(/WENDBAAR_OFFICE_FILE x\.json: privacy\.birthWords/);
  });

  it('accepts case references and refuses names and probable BSNs as case references', () => {
    for (const ref of ['C-2024-0012', '2024-00123', 'RBL-2024-0012', '2023/00456', '447712782']) expect(caseReferenceSchema.safeParse(ref).success).toBe(true);
    for (const ref of ['Jan de Vries', '', '111222333', '123 456 782', 'C-1234.56.782']) expect(caseReferenceSchema.safeParse(ref).success).toBe(false);
    // Phone numbers and dates fit a case reference's characters but are personal data.
    for (const ref of ['0612345678', '06-12345678', '+31612345678', '12-03-2012', '2012-03-12', '1/2/12']) {
      expect(caseReferenceSchema.safeParse(ref).error?.issues[0]?.message).toMatch(/lijkt een (telefoonnummer|datum)/);
    }
    for (const ref of ['2024-00123', 'C-2026-0412', '2026-0412', '20240012']) expect(caseReferenceSchema.safeParse(ref).success).toBe(true);
  });
});
