import { dutchDate } from '../../lib/dates';
import type { OnBehalfLine } from '../../services/absence/types';
import type { RenderContext } from '../registry';
import type { AdaptiveCard } from '../render';

/** Why this post reached the reader instead of its owner, in one Dutch sentence (owner stays visible). */
export function onBehalfText(line: OnBehalfLine, { zone }: Pick<RenderContext, 'zone'>): string {
  const until = line.until ? ` tot en met ${dutchDate(line.until, zone)}` : '';
  if (line.via === 'standIn') return `${line.ownerName} is afwezig${until}; jij vervangt. Het item blijft van ${line.ownerName}.`;
  if (line.via === 'teamleider') {
    return `${line.ownerName} is afwezig${until} en er is geen vervanger beschikbaar (niet gekozen of zelf ook afwezig). Als teamleider krijg jij dit; het item blijft van ${line.ownerName}.`;
  }
  return `Je staat als afwezig geregistreerd${until}, maar geen vervanger of teamleider is beschikbaar. Daarom krijg je dit toch.`;
}

/** The "namens" line as the first element of a card that reached a stand-in. */
export function withOnBehalfLine(card: AdaptiveCard, line: OnBehalfLine, ctx: Pick<RenderContext, 'zone'>): AdaptiveCard {
  const banner = {
    type: 'Container',
    style: 'accent',
    bleed: true,
    items: [
      { type: 'TextBlock', text: line.via === 'nobody' ? 'Tijdens je afwezigheid' : `Namens ${line.ownerName}`, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: onBehalfText(line, ctx), wrap: true, spacing: 'None', size: 'Small' },
    ],
  };
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [banner, ...body] };
}
