import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importWerkdruk } from '../../services/caseload/import';
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { cardsOf, startHarness, type Harness } from '../harness/harness';
import { input, isCard, problemLines } from '../forms/card-inputs';

const text = (card: unknown) => JSON.stringify(card ?? {});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Card = Record<string, any>;

/** Every Action.Execute in a card (top level, ShowCards, ActionSets), as { title, verb, data }. */
function executes(card: Card): Array<{ title: string; verb: string; data: Card }> {
  const found: Array<{ title: string; verb: string; data: Card }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Card;
    if (n.type === 'Action.Execute') found.push({ title: n.title, verb: n.verb, data: n.data });
    for (const [key, value] of Object.entries(n)) if (key !== 'refresh') walk(value);
  };
  walk(card);
  return found;
}
const titles = (card: Card) => executes(card).map((a) => a.title);
const showCards = (card: Card) => ((card.actions ?? []) as Card[]).filter((a) => a.type === 'Action.ShowCard').map((a) => a.title);

const request = (extra: Record<string, string> = {}) => ({
  kind: 'overnemen', caseCount: '2', reason: 'piekbelasting', urgency: 'week', periodFrom: '', periodTo: '',
  caseRefs: 'C-2026-0142, C-2026-0177', description: 'Twee lopende verzuimdossiers VO.', ...extra,
});

describe('caseload: help requests in the regioteam channel', () => {
  let h: Harness;

  const deliveries = (kind: string) =>
    h.db.query<{ idempotency_key: string; recipient_aad: string | null; target_key: string | null; status: string; payload: Card; sent_activity_id: string | null; last_error: string | null }>(
      `SELECT idempotency_key, recipient_aad, target_key, status, payload, sent_activity_id, last_error FROM deliveries WHERE kind = $1 ORDER BY id`, [kind]);
  /** The card the bot answered a message with (proactive posts may arrive in between). */
  const lastReply = () => h.cards((c) => c.op === 'reply').at(-1);
  const latestRequestId = async () => Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM help_requests`))[0]!.id);

  beforeAll(async () => {
    h = await startHarness();
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    // Colleagues who talk in the linked channel are known to work in Regioteam Noord.
    for (const u of [users.consulent, users.consulent2, users.consulent3]) await h.send(channelMessage('menu', { from: u }));
    await h.app.sender.settle();
  });
  afterAll(async () => {
    await h.close();
  });
  // Posts queued by the previous test are delivered before the slate is cleaned.
  beforeEach(async () => {
    await h.app.sender.settle();
    h.connector.reset();
  });

  it('posts a request in the team channel, takes two offers, accepts one and closes, all on one card updated in place', async () => {
    const form = await h.send(personalMessage('ondersteuning', { from: users.consulent }));
    expect(form.status).toBe(200);
    expect(text(lastReply())).toContain('Wat voor hulp zoek je?');
    expect(text(lastReply())).not.toContain('In welk regioteam werk je?');

    const asked = await h.invoke(cardAction('caseload.request', request(), { from: users.consulent }));
    expect(text(asked.value)).toContain('Je hulpvraag staat in het teamkanaal');
    await h.app.sender.settle();
    const posts = h.connector.delivered('send').filter((c) => c.conversationId === teams.noord.channelId);
    expect(posts).toHaveLength(1);
    const posted = cardsOf(posts[0]!)[0] as Card;
    expect(text(posted)).toContain('Sanne Bakker · Regioteam Noord');
    expect(text(posted)).toContain('C-2026-0142');
    expect(showCards(posted)).toEqual(['Ik kan helpen']);
    const id = await latestRequestId();
    const [post] = (await deliveries('post')).filter((d) => d.idempotency_key === `helprequest:${id}:post`);
    const postActivity = post!.sent_activity_id!;

    // Two colleagues offer help; each gets their own view back.
    const first = await h.invoke(cardAction('caseload.offer', { requestId: id, amount: '1' }, { from: users.consulent2, where: teams.noord, replyToId: postActivity }));
    expect(titles(first.value)).toEqual(['Mijn aanbod intrekken']);
    expect(text(first.value)).toContain('Je hebt aangeboden 1 casus op te pakken');
    const second = await h.invoke(cardAction('caseload.offer', { requestId: id, amount: '1' }, { from: users.consulent3, where: teams.noord, replyToId: postActivity }));
    expect(titles(second.value)).toEqual(['Mijn aanbod intrekken']);
    await h.app.sender.settle();

    // The channel card was updated in place and asks Teams to refresh it for requester and helpers.
    // Both offers queued an update; when the second is queued before the first is sent, the sender
    // skips the older one (the newer card carries both offers), so Teams sees one or two updates.
    let updates = h.connector.delivered('update');
    const updateRows = await deliveries('update');
    expect(updateRows).toHaveLength(2);
    expect(updateRows.every((d) => d.status === 'sent')).toBe(true);
    expect(updates.length).toBe(2 - updateRows.filter((d) => d.last_error?.startsWith('skipped: superseded')).length);
    expect(updates.every((u) => u.activityId === postActivity && u.conversationId === teams.noord.channelId)).toBe(true);
    const shared = cardsOf(updates.at(-1)!)[0] as Card;
    expect(shared.refresh.action.verb).toBe('caseload.refresh');
    expect(shared.refresh.userIds.sort()).toEqual([users.consulent.id, users.consulent2.id, users.consulent3.id].sort());
    expect(text(shared)).toContain('Hulp aangeboden');
    expect(text(shared)).not.toContain('Accepteren');

    // The requester was told personally of each offer.
    const offerNotes = (await deliveries('personal')).filter((d) => d.idempotency_key.startsWith(`helprequest:${id}:offer:`));
    expect(offerNotes.map((d) => d.recipient_aad)).toEqual([users.consulent.aadObjectId, users.consulent.aadObjectId]);
    // What the requester sees in their personal chat: the card rendered when it was sent.
    expect(h.personalCards(users.consulent).map(text).filter((card) => card.includes('Daan Jansen kan 1 casus oppakken'))).toHaveLength(1);

    // Per-user views through refresh: the requester sees Accepteren per offer, a helper only their own offer.
    const requesterView = (await h.invoke(cardAction('caseload.refresh', { requestId: id }, { from: users.consulent, where: teams.noord, trigger: 'automatic' }))).value;
    expect(titles(requesterView)).toEqual(['Accepteren', 'Accepteren', 'Hulpvraag intrekken']);
    expect(showCards(requesterView)).toEqual([]);
    const helperView = (await h.invoke(cardAction('caseload.refresh', { requestId: id }, { from: users.consulent2, where: teams.noord, trigger: 'automatic' }))).value;
    expect(titles(helperView)).toEqual(['Mijn aanbod intrekken']);
    const otherView = (await h.invoke(cardAction('caseload.refresh', { requestId: id }, { from: users.teamleiderNoord, where: teams.noord, trigger: 'automatic' }))).value;
    expect(titles(otherView)).toEqual([]);

    // Only the requester can accept.
    const daansOffer = executes(requesterView).find((a) => a.verb === 'caseload.accept' && text(requesterView).includes('Daan'))!;
    const refused = await h.invoke(cardAction('caseload.accept', daansOffer.data, { from: users.consulent3, where: teams.noord }));
    expect(refused.value).toContain('Dit mag alleen de aanvrager');

    const accepted = await h.invoke(cardAction('caseload.accept', daansOffer.data, { from: users.consulent, where: teams.noord }));
    expect(text(accepted.value)).toContain('Toegewezen');
    expect(text(accepted.value)).toContain('Daan Jansen: 1 casus · ✔ geaccepteerd');
    expect(titles(accepted.value)).toEqual(['Accepteren', 'Afronden', 'Hulpvraag intrekken']);
    await h.app.sender.settle();
    const acceptedNote = (await deliveries('personal')).find((d) => d.idempotency_key.startsWith(`helprequest:${id}:accepted:`));
    expect(acceptedNote!.recipient_aad).toBe(users.consulent2.aadObjectId);
    expect(text(acceptedNote!.payload)).toContain('Je hulpaanbod is geaccepteerd');
    expect(h.personalCards(users.consulent2).map(text).filter((card) => card.includes('Sanne Bakker heeft je aanbod geaccepteerd: je pakt 1 casus op'))).toHaveLength(1);
    const helperAccepted = (await h.invoke(cardAction('caseload.refresh', { requestId: id }, { from: users.consulent2, where: teams.noord, trigger: 'automatic' }))).value;
    expect(text(helperAccepted)).toContain('Je helpt met 1 casus');
    expect(titles(helperAccepted)).toEqual([]);

    const done = await h.invoke(cardAction('caseload.complete', { requestId: id }, { from: users.consulent, where: teams.noord }));
    expect(text(done.value)).toContain('Afgerond');
    await h.app.sender.settle();
    updates = h.connector.delivered('update');
    const final = cardsOf(updates.at(-1)!)[0] as Card;
    expect(text(final)).toContain('Afgerond');
    expect(final.refresh).toBeUndefined();
    expect(executes(final)).toEqual([]);
    // Still one post for the whole life of the request.
    expect(h.connector.delivered('send').filter((c) => c.conversationId === teams.noord.channelId)).toHaveLength(1);
    expect(updates.every((u) => u.activityId === postActivity)).toBe(true);
  });

  it('gives the last open case to exactly one of two colleagues claiming it at the same moment', async () => {
    await h.invoke(cardAction('caseload.request', request({ caseCount: '1', urgency: 'vandaag' }), { from: users.consulent }));
    const id = await latestRequestId();
    const [a, b] = await Promise.all([
      h.invoke(cardAction('caseload.offer', { requestId: id, amount: '1' }, { from: users.consulent2, where: teams.noord })),
      h.invoke(cardAction('caseload.offer', { requestId: id, amount: '1' }, { from: users.consulent3, where: teams.noord })),
    ]);
    const outcomes = [a, b].map((r) => r.type);
    expect(outcomes.sort()).toEqual(['application/vnd.microsoft.activity.message', 'application/vnd.microsoft.card.adaptive']);
    const loser = [a, b].find((r) => r.type === 'application/vnd.microsoft.activity.message')!;
    expect(loser.value).toContain('al vergeven');
    const offers = await h.db.query(`SELECT helper_aad FROM help_offers WHERE request_id = $1 AND status = 'offered'`, [id]);
    expect(offers).toHaveLength(1);
    const [row] = await h.db.query<{ offered_cases: number }>(`SELECT offered_cases FROM help_requests WHERE id = $1`, [id]);
    expect(row!.offered_cases).toBe(1);
  });

  it('refuses personal data in the description in Dutch and posts nothing', async () => {
    const before = await h.db.query(`SELECT id FROM deliveries`);
    const requestsBefore = await h.db.query(`SELECT id FROM help_requests`);
    const answer = await h.invoke(cardAction('caseload.request', request({ description: 'Jongere geboren 12-03-2011, moeder bereikbaar op 06-12345678' }), { from: users.consulent }));
    // The form comes back with the refusal on it and the description as typed.
    expect(isCard(answer)).toBe(true);
    expect(problemLines(answer.value).join(' ')).toContain('In "Korte toelichting" staat een geboortedatum: \'12-03-2011\' en een telefoonnummer (eindigt op 78)');
    expect(problemLines(answer.value).join(' ')).toContain('Er is niets verstuurd');
    expect(input(answer.value, 'description')?.value).toBe('Jongere geboren 12-03-2011, moeder bereikbaar op 06-12345678');
    expect(await h.db.query(`SELECT id FROM help_requests`)).toHaveLength(requestsBefore.length);
    expect(await h.db.query(`SELECT id FROM deliveries`)).toHaveLength(before.length);
    const badRef = await h.invoke(cardAction('caseload.request', request({ caseRefs: 'Jan de Vries' }), { from: users.consulent }));
    expect(problemLines(badRef.value).join(' ')).toContain('Casusnummers');
  });

  it('asks a newcomer for their regioteam, remembers it, and explains when the team has no linked channel', async () => {
    await h.send(personalMessage('hulp vragen', { from: users.consulent4 }));
    expect(text(lastReply())).toContain('In welk regioteam werk je?');
    const noChannel = await h.invoke(cardAction('caseload.request', request({ regioteam: 'zuid' }), { from: users.consulent4 }));
    expect(problemLines(noChannel.value).join(' ')).toContain('Regioteam Zuid heeft nog geen gekoppeld teamkanaal');
    expect(problemLines(noChannel.value).join(' ')).toContain('koppel zuid');
    const ok = await h.invoke(cardAction('caseload.request', request({ regioteam: 'noord' }), { from: users.consulent4 }));
    expect(text(ok.value)).toContain('Regioteam Noord');
    const [person] = await h.db.query<{ regioteam: string }>(`SELECT regioteam FROM people WHERE aad_object_id = $1`, [users.consulent4.aadObjectId]);
    expect(person!.regioteam).toBe('noord');
  });

  it('keeps each consulent\'s own figures and shows the team view to the teamleider only', async () => {
    await h.send(personalMessage('werkdruk', { from: users.consulent }));
    expect(text(lastReply())).toContain('Dagen afwezig komende 2 weken');
    const tooComplex = await h.invoke(cardAction('caseload.figures', { openCases: '3', complexCases: '5', newThisWeek: '0', absentDays: '0', isBuffer: 'false' }, { from: users.consulent }));
    expect(problemLines(tooComplex.value)).toEqual(['Waarvan complex: kan niet hoger zijn dan het aantal open casussen']);
    const saved = await h.invoke(cardAction('caseload.figures', { openCases: '68', complexCases: '9', newThisWeek: '4', absentDays: '0', isBuffer: 'false' }, { from: users.consulent }));
    expect(text(saved.value)).toContain('boven de norm van 60');
    await h.invoke(cardAction('caseload.figures', { openCases: '41', complexCases: '3', newThisWeek: '2', absentDays: '0', isBuffer: 'true' }, { from: users.consulent2 }));

    await h.send(personalMessage('werkdruk team', { from: users.teamleiderNoord }));
    const view = text(lastReply());
    expect(view).toContain('Werkdruk Regioteam Noord');
    expect(view).toContain('68 / 60 (9)');
    expect(view).toContain('boven de norm');
    expect(view).toMatch(/Buffercollega's.*Daan Jansen/);
    await h.send(personalMessage('werkdruk team noord', { from: users.consulent }));
    expect(text(lastReply())).toContain('Dit mag alleen de teamleider van dit regioteam of het MT');
  });

  it('imports a valid CSV export and rejects a broken one entirely, with line-numbered reasons', async () => {
    const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
    const at = new Date('2026-11-24T10:00:00+01:00');
    // Sanne keeps her own figures on the card; a rejected import must leave them as they are.
    await h.invoke(cardAction('caseload.figures', { openCases: '68', complexCases: '9', newThisWeek: '4', absentDays: '0', isBuffer: 'false' }, { from: users.consulent }));
    const broken = await importWerkdruk(h.db, fixture('werkdruk-broken.csv'), h.config.office, at);
    expect(broken.imported).toBe(0);
    expect(broken.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(broken.rejected[0]!.reasons.join()).toContain('regioteam must be one of noord, zuid');
    expect(broken.rejected[1]!.reasons).toEqual(['open_casussen must be a whole number of 0 or more']);
    expect(broken.rejected[2]!.reasons.join()).toMatch(/complexe_casussen cannot be more than open_casussen.*buffercollega must be ja or nee|buffercollega must be ja or nee.*complexe_casussen/);
    expect(broken.rejected[3]!.reasons.join()).toContain('appears twice (first on line 2)');
    // Nothing half-imported: the valid first row was not written either.
    const [sanne] = await h.db.query<{ open_cases: number; source: string }>(`SELECT open_cases, source FROM caseload_figures WHERE aad_object_id = $1`, [users.consulent.aadObjectId]);
    expect(sanne).toEqual({ open_cases: 68, source: 'card' });

    const valid = await importWerkdruk(h.db, fixture('werkdruk-valid.csv'), h.config.office, at);
    expect(valid).toEqual({ imported: 4, rejected: [] });
    const rows = await h.db.query<{ aad_object_id: string; source: string }>(`SELECT aad_object_id, source FROM caseload_figures WHERE source = 'import' ORDER BY aad_object_id`);
    expect(rows).toHaveLength(4);
    const missing = await importWerkdruk(h.db, 'naam,regioteam\nSanne,noord\n', h.config.office, at);
    expect(missing.rejected[0]!.reasons[0]).toContain('missing column(s): aad_object_id');
  });
});
