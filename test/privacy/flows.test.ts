/**
 * The personal-data screen through the paths production uses: card submits over HTTP into
 * /api/messages, the router's screen, the real database and the fake Bot Connector. Each example
 * sentence of the issue behaves as described: ordinary dates and colleagues' names pass, pupils'
 * names, health details, phone numbers and IBANs are refused with a message that fits the person
 * and the field, and nothing is stored or posted.
 */
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { helpRequestForm, statusProposal } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { input, isCard, problemLines } from '../forms/card-inputs';

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}));

describe('personal-data screen in the flows', () => {
  let h: Harness;
  const count = async (table: string) => Number((await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  const helpRequest = (description: string, from = users.consulent) =>
    h.invoke(cardAction('caseload.request', { ...helpRequestForm, description }, { from }));
  const proposal = (fields: Partial<typeof statusProposal>) =>
    h.invoke(cardAction('status.preview', { ...statusProposal, ...fields }, { from: users.mt }));

  beforeAll(async () => {
    h = await startHarness();
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    // Sanne and Daan work in Noord and have used the bot; the MT member has too.
    for (const u of [users.consulent, users.consulent2]) await h.send(channelMessage('menu', { from: u }));
    await h.send(personalMessage('menu', { from: users.mt }));
    await h.app.sender.settle();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.app.sender.settle();
    h.connector.reset();
  });

  it('lets the MT write practice texts with dates and colleagues: "Vanaf 14 december 2026 …", "Vanaf 1 februari 2027 neemt Daan …"', async () => {
    const before = await count('status_changes');
    const answer = await proposal({
      practiceImpact: 'Vanaf 14 december 2026 doen we alleen kern en ring 1',
      partnerText: 'Vanaf 1 februari 2027 neemt Daan de casussen over',
    });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(answer.value)).toContain('Voorbeeld: Ring 3 gepauzeerd');
    expect(await count('status_changes')).toBe(before + 1);
  });

  it('posts a help request about a hearing date: "Zitting bij de kantonrechter op 19-01-2027 om 9:30"', async () => {
    const before = await count('help_requests');
    const answer = await helpRequest('Zitting bij de kantonrechter op 19-01-2027 om 9:30');
    expect(text(answer.value)).toContain('Je hulpvraag staat in het teamkanaal');
    expect(await count('help_requests')).toBe(before + 1);
    const [row] = await h.db.query<{ description: string }>(`SELECT description FROM help_requests ORDER BY id DESC LIMIT 1`);
    expect(row!.description).toBe('Zitting bij de kantonrechter op 19-01-2027 om 9:30');
  });

  it.each([
    ['casus van Mohammed El Idrissi (groep 8)', "In \"Korte toelichting\" staat een naam: 'Mohammed El Idrissi'"],
    ['Leerling heeft een ADHD-diagnose en slikt medicatie', "In \"Korte toelichting\" staan gezondheidsgegevens (diagnose): 'ADHD'"],
    ['Landlijn moeder: 030 - 234 56 78', 'In "Korte toelichting" staat een telefoonnummer (eindigt op 78)'],
    ['Terugbetaling op NL06 RABO 3123 4567 89', 'In "Korte toelichting" staat een IBAN (eindigt op 89)'],
    ['Daan Vermeer verzuimt structureel', "In \"Korte toelichting\" staat een naam: 'Daan Vermeer'"],
  ])('refuses a help request with %j, tells the consulent to use the Carel number, posts and stores nothing', async (description, found) => {
    const requests = await count('help_requests');
    const deliveries = await count('deliveries');
    const answer = await helpRequest(description);
    // The form comes back with the refusal above it and everything typed still in it.
    expect(isCard(answer)).toBe(true);
    expect(input(answer.value, 'description')?.value).toBe(description);
    const refusal = problemLines(answer.value).join(' ');
    expect(refusal).toContain(found);
    expect(refusal).toContain('casusnummer uit Carel');
    expect(refusal).toContain('Er is niets verstuurd of opgeslagen');
    if (description.includes('ADHD')) expect(refusal).toContain('bijzondere persoonsgegevens (AVG art. 9)');
    if (/\d{3} \d{2}/.test(description)) expect(refusal).not.toContain(description.slice(-12));
    expect(await count('help_requests')).toBe(requests);
    expect(await count('deliveries')).toBe(deliveries);
    await h.app.sender.settle();
    expect(h.connector.delivered()).toEqual([]);
  });

  it('tells an MT member to describe the group or task, not to use a Carel number', async () => {
    const before = await count('status_changes');
    const answer = await proposal({ practiceImpact: 'Mohammed El Idrissi gaat naar Regioteam Zuid, moeder is zwanger' });
    expect(isCard(answer)).toBe(true);
    const refusal = problemLines(answer.value).join(' ');
    expect(refusal).toContain("In \"Wat betekent dit voor de dagelijkse praktijk?\" staat een naam: 'Mohammed El Idrissi' en gezondheidsgegevens (zwangerschap): 'zwanger'");
    expect(refusal).toContain('beschrijf de groep of de taak zonder namen');
    expect(refusal).not.toContain('Carel');
    expect(await count('status_changes')).toBe(before);
  });

  it('knows colleagues from the Teams roster, also before they used the bot', async () => {
    expect(text((await helpRequest('Noor neemt het MDO van dinsdag over')).value)).toContain('staat een naam');
    h.connector.members = [{ id: '29:consulent-3', aadObjectId: users.consulent3.aadObjectId, name: users.consulent3.name }];
    await h.send(botInstalled(teams.zuid));
    const answer = await helpRequest('Noor neemt het MDO van dinsdag over');
    expect(text(answer.value)).toContain('Je hulpvraag staat in het teamkanaal');
  });
});
