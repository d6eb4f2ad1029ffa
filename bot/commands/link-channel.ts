import { successCard } from '../../cards/notice';
import { findRegioteam } from '../../config/office';
import { audit } from '../../services/audit/store';
import { authorize, canSomewhere } from '../../services/authz';
import { linkChannel, unlinkChannel } from '../../services/conversations/store';
import { validationError } from '../../services/errors';
import type { CommandDef, TurnScope } from '../feature';

function requireChannel(scope: TurnScope): string {
  if (scope.conversation.kind !== 'channel') {
    throw validationError('Koppelen kan alleen in een kanaal van een team. Typ daar: @Wendbaar koppel <regioteam>.');
  }
  return scope.conversation.id;
}

export const linkCommand: CommandDef = {
  names: ['koppel', 'link'],
  title: 'Kanaal koppelen',
  description: 'Koppel dit kanaal aan een regioteam (teamleider of MT).',
  button: 'Koppelen',
  visibleTo: (actor) => canSomewhere(actor, 'channel.link'),
  async run(scope, args) {
    const teams = scope.config.office.regioteams;
    const team = findRegioteam(scope.config.office, args);
    if (!team) {
      const options = teams.map((t) => `**${t.id}**`).join(' of ');
      throw validationError(`Welk regioteam? Typ bijvoorbeeld "koppel ${teams[0]!.id}". Kies uit ${options}.`);
    }
    const conversationId = requireChannel(scope);
    authorize(scope.actor, 'channel.link', { regioteam: team.id });
    await scope.db.transaction(async (tx) => {
      const { previous } = await linkChannel(tx, conversationId, team.id);
      await audit(tx, { actor: scope.actor.aadObjectId, action: 'channel.link', subject: conversationId, details: { regioteam: team.id, previous }, correlationId: scope.correlationId });
    });
    return {
      card: successCard(
        `Gekoppeld aan ${team.name}`,
        `Hulpvragen, herinneringen en aankondigingen voor ${team.name} komen voortaan in dit kanaal. Ontkoppelen: @Wendbaar ontkoppel.`,
      ),
    };
  },
};

export const unlinkCommand: CommandDef = {
  names: ['ontkoppel', 'unlink'],
  title: 'Kanaal ontkoppelen',
  description: 'Haal de koppeling van dit kanaal weg.',
  button: 'Ontkoppelen',
  hidden: true,
  async run(scope) {
    const conversationId = requireChannel(scope);
    authorize(scope.actor, 'channel.link', { regioteam: scope.conversation.regioteam });
    const previous = await scope.db.transaction(async (tx) => {
      const team = await unlinkChannel(tx, conversationId);
      await audit(tx, { actor: scope.actor.aadObjectId, action: 'channel.unlink', subject: conversationId, details: { regioteam: team }, correlationId: scope.correlationId });
      return team;
    });
    return previous
      ? { card: successCard('Ontkoppeld', 'Dit kanaal ontvangt geen berichten van Wendbaar meer voor het regioteam.') }
      : { text: 'Dit kanaal was niet gekoppeld.' };
  },
};
