import { samples as absence } from './absence/samples';
import { samples as capacity } from './capacity/samples';
import { samples as caseload } from './caseload/samples';
import { menuCard } from './menu';
import { samples as mdo } from './mdo/samples';
import { samples as monitoring } from './monitoring/samples';
import { errorCard, infoCard, successCard } from './notice';
import { notUnderstoodCard } from './not-understood';
import type { AdaptiveCard } from './render';
import { samples as status } from './status/samples';
import { samples as tasks } from './tasks/samples';
import { welcomeCard } from './welcome';

const core: Record<string, AdaptiveCard> = {
  menu: menuCard({
    intro: 'Kies wat je wilt doen, of typ een opdracht.',
    example: 'mdo',
    items: [
      { command: 'mdo', title: 'MDO-deelname', description: 'Besluit of je aan een MDO deelneemt.', button: 'Starten' },
      { command: 'ondersteuning', title: 'Ondersteuning vragen', description: 'Vraag je regioteam om hulp bij je caseload.', button: 'Hulp vragen' },
    ],
  }),
  'not-understood': notUnderstoodCard({ suggestions: [{ command: 'mdo', title: 'MDO-deelname' }] }),
  'not-understood-plain': notUnderstoodCard({ suggestions: [] }),
  welcome: welcomeCard({ teamName: 'RBL Regioteam Noord', exampleTeam: 'noord' }),
  error: errorCard('Er ging iets mis aan onze kant. Probeer het later opnieuw.', 'a1b2c3d4'),
  info: infoCard('Ter informatie', 'Dit onderdeel is nog in aanbouw.'),
  success: successCard('Gekoppeld aan Regioteam Noord', 'Hulpvragen en herinneringen komen voortaan in dit kanaal.'),
};

/** Every card the bot can send, by feature, with sample data: validated in tests, rendered to PNG. */
export const allSampleCards: Record<string, Record<string, AdaptiveCard>> = { core, tasks, status, mdo, caseload, monitoring, absence, capacity };
