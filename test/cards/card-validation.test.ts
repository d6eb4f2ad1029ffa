import { expectValidCard, validateCard } from '../harness/card-validation';

const card = (body: unknown[], actions: unknown[] = []) => ({ type: 'AdaptiveCard', version: '1.5', body, actions });

const valid = card(
  [
    { type: 'TextBlock', text: 'Hulpvraag', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    { type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: 'Let op', wrap: true }] },
    { type: 'Input.Text', id: 'toelichting', label: 'Toelichting', isRequired: true, errorMessage: 'Vul dit in', isMultiline: true },
    { type: 'Input.ChoiceSet', id: 'keuze', label: 'Keuze', choices: [{ title: 'Ja', value: 'ja' }], style: 'expanded' },
    { type: 'Input.Date', id: 'datum', label: 'Datum' },
    { type: 'Input.Toggle', id: 'akkoord', title: 'Akkoord', value: 'false' },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Opslaan', verb: 'x.save', data: { id: 1 } }] },
    { type: 'FactSet', facts: [{ title: 'Casus', value: 'C-2024-0012' }] },
  ],
  [
    { type: 'Action.Execute', title: 'Verstuur', verb: 'x.send', data: { id: 1 }, style: 'positive' },
    { type: 'Action.ShowCard', title: 'Meer', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Meer', wrap: true }] } },
  ],
);

describe('card validation harness', () => {
  it('accepts a valid 1.5 card with Action.Execute, ActionSet and 1.5 styles', () => {
    expect(validateCard(valid)).toEqual([]);
    expect(() => expectValidCard(valid)).not.toThrow();
  });

  it('rejects an unknown element type (library and schema)', () => {
    const problems = validateCard(card([{ type: 'Carousel2', items: [] }]));
    expect(problems.some((p) => p.includes('Unknown element type "Carousel2"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('schema: /body/0/type'))).toBe(true);
  });

  it('rejects an invalid enum value', () => {
    const problems = validateCard(card([{ type: 'TextBlock', text: 'x', size: 'Huge' }]));
    expect(problems.some((p) => p.includes('Invalid value "Huge" for property "size"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('schema: /body/0/size'))).toBe(true);
  });

  it('rejects duplicate input ids', () => {
    const problems = validateCard(card([{ type: 'Input.Text', id: 'a', label: 'A' }, { type: 'Input.Text', id: 'a', label: 'B' }]));
    expect(problems.some((p) => p.includes('Duplicate Id "a"'))).toBe(true);
  });

  it('rejects an unknown action type', () => {
    const problems = validateCard(card([], [{ type: 'Action.Bogus', title: 'Klik' }]));
    expect(problems.some((p) => p.includes('Unknown action type "Action.Bogus"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('schema: /actions/0/type'))).toBe(true);
  });

  it('rejects a wrong version, an input without id and a ShowCard without card', () => {
    expect(validateCard({ ...valid, version: '1.6' }).join('\n')).toContain('version must be "1.5"');
    expect(validateCard(card([{ type: 'Input.Text', label: 'x' }])).length).toBeGreaterThan(0);
    expect(validateCard(card([], [{ type: 'Action.ShowCard', title: 'x' }])).join('\n')).toContain("must have required property 'card'");
  });

  it('gives a readable assertion message', () => {
    expect(() => expectValidCard(card([{ type: 'TextBlock', text: 'x', weight: 'Heavy' }]), 'mdo/advice')).toThrow(/mdo\/advice is not a valid Adaptive Card 1.5:\n {2}- adaptivecards: InvalidPropertyValue/);
  });
});
