import { z } from 'zod';

/**
 * The words the personal-data screen (services/privacy.ts) works with, as data the privacy officer
 * can review and the office can override (`privacy` in WENDBAAR_OFFICE_FILE). First names and
 * surnames are not listed here: they come from maintained name lists (services/personal-data/sources.ts).
 *
 * Terms are matched as whole words; a trailing `*` matches any continuation ("autis*" finds
 * "autisme" and "autismediagnose"); spaces also match hyphens ("ggz behandeling" finds
 * "GGZ-behandeling"). A term written in capitals (ADD, ASS) only matches in capitals, so the
 * English "add" or a word like "ass" in other text is not taken for a diagnosis.
 */

export const HEALTH_CATEGORIES = ['diagnose', 'medicatie', 'behandeling', 'zwangerschap', 'verslaving', 'gender en seksualiteit'] as const;
export type HealthCategory = (typeof HEALTH_CATEGORIES)[number];

const term = z.string().trim().min(2).regex(/^[\p{L}\p{N}' /.#-]+\*?$/u, 'letters, digits, spaces, hyphens, slashes, dots, # for a number and a trailing * only');

export const privacyVocabularySchema = z.object({
  /** AVG art. 9: health and other special categories, per category (the refusal names the category). */
  health: z.record(z.enum(HEALTH_CATEGORIES), z.array(term)),
  /** A date near one of these is a birth date, whatever the date ("#" stands for a number: "wordt #"). */
  birthWords: z.array(term).min(1),
  /** A date right after one of these is a period, deadline or appointment, not a birth date. */
  dateContextWords: z.array(term),
  /** A capitalised word after one of these is a person ("mevrouw Yilmaz", "familie Öztürk"). */
  personTitles: z.array(term),
  /** Surname particles: "Emma van den Berg", "Mohammed El Idrissi", "Ilias Ben Ali". */
  surnameParticles: z.array(term),
  /** Capitalised words after one of these are a school's name ("OBS De Regenboog"). */
  schoolWords: z.array(term),
  /** Gemeenten, kernen and wijken the office works in: never a person. Multi-word names are fine. */
  places: z.array(term),
  /** Partner organisations, systems and office words: never a person. */
  organisations: z.array(term),
  /** Dutch words that are also given names but almost never a name in office text ("ben", "dan"). */
  notNames: z.array(term),
});
export type PrivacyVocabulary = z.infer<typeof privacyVocabularySchema>;

export const defaultPrivacyVocabulary: PrivacyVocabulary = {
  health: {
    diagnose: [
      'diagnose*', 'gediagnosticeerd', 'ziektebeeld', 'stoornis', 'adhd*', 'ADD', 'ASS', 'autis*', 'pdd nos', 'depressi*', 'angststoornis*',
      'paniekaanval*', 'eetstoornis*', 'anorexia', 'boulimia', 'epilepsie', 'epileptisch*', 'diabetes', 'ptss', 'trauma*', 'psychose*', 'psychotisch*',
      'schizofren*', 'bipolair*', 'borderline', 'OCD', 'dwangstoornis*', 'hechtingsstoornis*', 'gedragsstoornis*', 'ODD', 'LVB',
      'licht verstandelijke beperking', 'verstandelijke beperking', 'verstandelijk beperkt', 'dyslexie', 'dyscalculie', 'me/cvs', 'CVS',
      'chronisch ziek', 'chronisch vermoeid', 'long covid', 'kanker', 'leukemie', 'hersenletsel', 'NAH', 'tourette', 'syndroom*', 'suïcid*',
      'suicid*', 'zelfmoord*', 'zelfbeschadiging', 'automutilatie', 'faalangst', 'astma', 'migraine', 'reuma*', 'pfeiffer', 'crohn',
      'lyme', 'coeliakie', 'allergie*', 'allergisch', 'hartafwijking', 'hartaandoening', 'hersenschudding', 'ziekte van crohn',
    ],
    medicatie: [
      'medicatie', 'medicijn*', 'ritalin', 'concerta', 'methylfenidaat', 'dexamfetamine', 'antidepressiva', 'antidepressivum', 'risperdal',
      'risperidon', 'insuline', 'melatonine', 'slaapmedicatie', 'antipsychotica',
    ],
    behandeling: [
      'ggz behandeling', 'ggz traject', 'jeugd ggz', 'onder behandeling', 'in behandeling bij', 'behandeltraject', 'dagbehandeling',
      'therapie', 'therapeut', 'emdr', 'psycholoog', 'psychiater', 'kinderpsychiater', 'psychiatrisch*', 'opgenomen in een kliniek',
      'opgenomen in de kliniek', 'opgenomen in het ziekenhuis', 'opgenomen in een instelling', 'opname in een kliniek', 'crisisopname',
      'klinische opname', 'ziekenhuisopname', 'crisisdienst', 'kliniek', 'revalidatie',
    ],
    zwangerschap: ['zwanger', 'zwangerschap', 'bevallen', 'abortus'],
    verslaving: ['verslaving', 'verslaafd', 'gokverslaving', 'gameverslaving', 'drugsgebruik', 'blowt', 'blowen'],
    'gender en seksualiteit': ['transgender', 'homoseksueel', 'homoseksualiteit', 'biseksueel', 'lhbti*', 'genderdysforie'],
  },
  birthWords: ['geboren', 'geb', 'gb', 'geb.dat', 'gebdat', 'geboortedatum', 'geboortejaar', 'verjaardag', 'jarig', 'leeftijd', 'wordt #'],
  dateContextWords: [
    'vanaf', 'per', 'sinds', 'tot', 't/m', 'tm', 'uiterlijk', 'voor', 'na', 'deadline', 'zitting', 'overleg', 'mdo', 'afspraak',
    'termijn', 'evaluatie', 'besluit', 'periode', 'ingangsdatum', 'einddatum', 'reageren', 'datum', 'verzuimmelding', 'melding', 'brief',
    'vergadering', 'bestuur',
  ],
  personTitles: [
    'mevrouw', 'mevr', 'mw', 'meneer', 'heer', 'dhr', 'familie', 'fam', 'moeder', 'vader', 'stiefmoeder', 'stiefvader', 'pleegmoeder',
    'pleegvader', 'oma', 'opa', 'tante', 'oom', 'broer', 'zus', 'broertje', 'zusje', 'leerling', 'leerlinge', 'jongere', 'jeugdige',
    'thuiszitter', 'leerplichtige', 'casus',
  ],
  surnameParticles: [
    'van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'in', 'op', "'t", 'vd', 'v.d.', 'el', 'al', 'ben', 'bin', 'abu', 'ait', 'ou', 'da',
    'di', 'dos', 'du', 'le', 'la', 'von', 'zu', 'bou',
  ],
  schoolWords: [
    'school', 'basisschool', 'obs', 'cbs', 'rkbs', 'pcbs', 'sbo', 'so', 'vso', 'sbao', 'ikc', 'kindcentrum', 'college', 'lyceum',
    'gymnasium', 'scholengemeenschap', 'mavo', 'vmbo', 'praktijkschool', 'mbo', 'roc', 'academie',
  ],
  places: [
    'Amersfoort', 'Baarn', 'Bunnik', 'Bunschoten', 'De Bilt', 'De Ronde Venen', 'Eemnes', 'Houten', 'IJsselstein', 'Leusden', 'Lopik',
    'Montfoort', 'Nieuwegein', 'Oudewater', 'Renswoude', 'Rhenen', 'Soest', 'Stichtse Vecht', 'Utrecht', 'Utrechtse Heuvelrug',
    'Veenendaal', 'Vijfheerenlanden', 'Wijk bij Duurstede', 'Woerden', 'Woudenberg', 'Zeist', 'Vianen', 'Vleuten', 'De Meern',
    'Maarssen', 'Breukelen', 'Driebergen', 'Doorn', 'Bilthoven', 'Leidsche Rijn', 'Overvecht', 'Kanaleneiland', 'Lunetten', 'Zuilen',
    'Hoograven', 'Uithof', 'Papendorp', 'Stadsplateau', 'Nederland', 'België', 'Duitsland', 'Marokko', 'Turkije', 'Suriname', 'Syrië',
    'Eritrea', 'Polen', 'Oekraïne',
  ],
  organisations: [
    'Carel', 'Wendbaar', 'Teams', 'Outlook', 'DUO', 'RAO', 'RBL', 'RMC', 'MT', 'GGD', 'GGZ', 'Centraal', 'Altrecht', 'Lucertis', 'Accare',
    'Karakter', 'Veilig Thuis', 'Raad voor de Kinderbescherming', 'Kinderbescherming', 'Jeugdbescherming', 'Samenwerkingsverband',
    'Zorg- en Veiligheidshuis', 'Zorg- en Adviesteam', 'Wijkteam', 'Buurtteam', 'Sociaal', 'Team', 'Toelating', 'Jeugd', 'Regio',
    'Leerplicht', 'Onderwijs', 'Bestuurscommissie', 'Christelijk', 'Openbaar', 'Gemeente', 'Stadskantoor', 'Rechtbank', 'Kantonrechter',
    'Halt', 'Politie', 'OM', 'Noord', 'Zuid', 'Oost', 'West', 'Midden',
  ],
  notNames: ['al', 'ben', 'bent', 'dan', 'de', 'van', 'per', 'mag', 'wil', 'kan', 'max', 'maak', 'toon', 'job', 'lot', 'wel', 'heb', 'iban', 'bsn'],
};
