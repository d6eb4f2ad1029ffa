import { CATEGORY_TEXT } from '../../config/mdo-labels';
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { mdoForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { expectValidCard } from '../harness/card-validation';
import { startHarness, type Harness } from '../harness/harness';
import { elementsOf, input } from './card-inputs';

type Json = Record<string, unknown>;
const textOf = (card: unknown) => JSON.stringify(card ?? {});
const decisionId = (card: Json) => (card.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!.data!.id!;
const factValue = (card: unknown, title: string) => {
  const match = textOf(card).match(new RegExp(`\\{"title":"${title}","value":"([^"]*)"\\}`));
  return match?.[1];
};
const choiceSets = (card: unknown) => elementsOf(card, 'Input.ChoiceSet');

describe('the MDO form asks less and the decision reads well', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    await h.send(channelMessage('menu', { from: users.consulent }));
  });
  afterAll(async () => {
    await h.close();
  });
  // Posts queued by the previous test are delivered before the slate is cleaned.
  beforeEach(async () => {
    await h.app.sender.settle();
    h.connector.reset();
  });

  it('shows every choice of two or three options as radio buttons (expanded), the catalogue as a list', async () => {
    await h.send(personalMessage('mdo', { from: users.consulent }));
    const sets = choiceSets(h.lastCard());
    const small = sets.filter((s) => (s.choices as unknown[]).length <= 3);
    expect(small.map((s) => s.id).sort()).toEqual(['canOnline', 'colleagueGoing', 'concreteActions', 'concreteReason', 'coreTasks', 'involved', 'legalBasis', 'writtenEnough']);
    for (const set of small) expect({ id: set.id, style: set.style }).toEqual({ id: set.id, style: 'expanded' });
    expect(sets.find((s) => s.id === 'type')!.style).not.toBe('expanded');
    expectValidCard(h.lastCard(), 'mdo form');
  });

  it("fills in the organiser from the type and the gemeente from the consulent's last MDO", async () => {
    await h.send(personalMessage('mdo', { from: users.consulent2 }));
    expect(input(h.lastCard(), 'gemeente')?.value).toBe('');

    const zvh = await h.invoke(cardAction('mdo.advise', { ...mdoForm, type: 'zvh-jeugdoverleg', gemeente: '', organiser: '' }, { from: users.consulent2 }));
    expect(factValue(zvh.value, 'Organisator')).toBe('Zorg- en Veiligheidshuis');
    const vios = await h.invoke(cardAction('mdo.advise', { ...mdoForm, gemeente: 'Utrecht', organiser: '' }, { from: users.consulent2 }));
    expect(factValue(vios.value, 'Organisator')).toBe('Gemeente Utrecht');

    await h.send(personalMessage('mdo', { from: users.consulent2 }));
    expect(input(h.lastCard(), 'gemeente')?.value).toBe('Utrecht');
    // Another consulent's gemeente is not theirs.
    await h.send(personalMessage('mdo', { from: users.consulent3 }));
    expect(input(h.lastCard(), 'gemeente')?.value).toBe('');

    // A type without a known organiser still asks for it.
    const school = await h.invoke(cardAction('mdo.advise', { ...mdoForm, type: 'zat-vo', gemeente: '', organiser: '' }, { from: users.consulent2 }));
    expect(textOf(school.value)).toContain('Organiserende organisatie: vul de organisatie in die het overleg organiseert');
  });

  it('states the Essentieel definition once on the advice card', async () => {
    const advised = await h.invoke(cardAction('mdo.advise', { ...mdoForm, involved: 'ja', caseRefs: 'C-2026-0412' }, { from: users.consulent }));
    expect(textOf(advised.value)).toContain('Prioriteit: **Essentieel**');
    expect(textOf(advised.value).split(CATEGORY_TEXT.essentieel).length - 1).toBe(1);
  });

  it('shows the organiser message as readable text that greets the organisation, with a mail and a copy action', async () => {
    const advised = await h.invoke(cardAction('mdo.advise', mdoForm, { from: users.consulent }));
    const decided = await h.invoke(cardAction('mdo.decide', { id: decisionId(advised.value), choice: 'accept' }, { from: users.consulent }));
    const card = decided.value as Json;
    expect(textOf(card)).toContain('{"type":"TextBlock","text":"Beste collega\'s van Gemeente Houten,"');
    expect(textOf(card)).not.toContain('Beste organisator');
    // Not in a scroll box: the message's input sits behind "Tekst kopiëren", the text itself is on the card.
    expect(input(card, 'organiserMessage')?.hidden).toBe(true);
    const actions = JSON.stringify(card.body);
    const mailto = actions.match(/"url":"(mailto:[^"]*)"/)?.[1];
    expect(mailto).toBeDefined();
    expect(decodeURIComponent(mailto!.split('body=')[1]!)).toContain("Beste collega's van Gemeente Houten,\r\n\r\nBedankt voor de uitnodiging");
    expect(actions).toContain('"title":"Tekst kopiëren"');
    expectValidCard(card, 'mdo decided');
  });
});
