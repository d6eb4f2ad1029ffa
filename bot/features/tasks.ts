import { z } from 'zod';
import { tasksCard } from '../../cards/tasks/cards';
import { RETURN_TO, tasksView, type TasksMessage } from '../../cards/tasks/views';
import { officeZone } from '../../services/context';
import { myTasks } from '../../services/tasks/actions';
import type { TaskGroupKey } from '../../services/tasks/types';
import type { Feature, Reply, TurnScope } from '../feature';
import { action } from '../feature';

const groupKey = z.enum(['status', 'caseload', 'monitoring', 'mdo', 'namens', 'upcoming'] satisfies TaskGroupKey[], { error: 'onbekende groep' });

/** What a row's button did, said on the list that comes back. */
const DONE: Record<string, string> = {
  'status.respond': 'Je reactie is verstuurd; de tellingen in het teamkanaal zijn bijgewerkt.',
  'status.read': 'Gemarkeerd als gelezen.',
  'caseload.accept': 'Aanbod geaccepteerd; je collega krijgt bericht en de hulpvraag in het teamkanaal is bijgewerkt.',
  'caseload.offer': 'Je aanbod is verstuurd; de aanvrager krijgt bericht en de hulpvraag in het teamkanaal is bijgewerkt.',
  'caseload.withdrawOffer': 'Je aanbod is ingetrokken; de hulpvraag in het teamkanaal is bijgewerkt.',
  'caseload.withdraw': 'Je hulpvraag is ingetrokken; de kaart in het teamkanaal is bijgewerkt.',
  'caseload.complete': 'Je hulpvraag is afgerond; de kaart in het teamkanaal is bijgewerkt.',
  'monitoring.close': 'Het monitoringitem is afgesloten.',
  'monitoring.meeting': 'Het overleg is vastgelegd.',
  'mdo.cancel': 'Het MDO is geannuleerd; een geplande herinnering vervalt. Laat de organisator weten dat het RBL niet komt.',
};

async function tasksReply(scope: TurnScope, only?: TaskGroupKey, message?: TasksMessage): Promise<Reply> {
  const list = await myTasks(scope, only);
  const card = tasksCard(tasksView(list, scope.actor, { office: scope.config.office, zone: officeZone(scope) }, message));
  return { card, summary: 'Mijn taken' };
}

export const tasksFeature: Feature = {
  name: 'tasks',
  commands: [
    {
      names: ['taken', 'mijn taken', 'todo', 'inbox'],
      title: 'Mijn taken',
      description: 'Alles wat op jou wacht, met de knoppen om het meteen af te handelen.',
      button: 'Bekijken',
      run: (scope) => tasksReply(scope),
    },
  ],
  actions: {
    'taken.list': action(z.object({}).passthrough(), (scope) => tasksReply(scope)),
    'taken.group': action(z.object({ group: groupKey }), (scope, data) => tasksReply(scope, data.group)),
  },
  returnViews: {
    [RETURN_TO]: (scope, outcome, { verb, data }) => {
      const only = groupKey.safeParse(data.taskGroup);
      const message: TasksMessage = 'done' in outcome
        ? { text: `✔ ${DONE[verb] ?? 'Gedaan.'}`, style: 'good' }
        : { text: `Dit was intussen al afgehandeld: ${outcome.gone.message} Hieronder zie je wat nu nog op je wacht.`, style: 'warning' };
      return tasksReply(scope, only.success ? only.data : undefined, message);
    },
  },
};
