import { configuredPeople, upsertPerson } from '../../services/people/store';
import { openTestDatabase, type TestDatabase } from '../harness/test-db';

/** Role settings name people by Entra object id or UPN, typed by hand: case must not matter. */
describe('configured ids → people (the one look-up)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await upsertPerson(t.db, { aadObjectId: 'aad-ruben-0001', name: 'Ruben Visser', upn: 'ruben.visser@rbl.example' });
    await upsertPerson(t.db, { aadObjectId: 'aad-fatima-0002', name: 'Fatima El Amrani', upn: 'fatima.elamrani@rbl.example' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('matches object ids and UPNs whatever their case, in the configured order', async () => {
    const people = await configuredPeople(t.db, ['FATIMA.ELAMRANI@RBL.EXAMPLE', 'AAD-RUBEN-0001']);
    expect(people).toEqual([
      { aad: 'aad-fatima-0002', name: 'Fatima El Amrani', known: true },
      { aad: 'aad-ruben-0001', name: 'Ruben Visser', known: true },
    ]);
  });

  it('keeps an object id the bot has not met (as configured), drops an unknown UPN, and names nobody twice', async () => {
    const people = await configuredPeople(t.db, ['Aad-Nieuw-0003', 'nobody@rbl.example', 'aad-ruben-0001', 'ruben.visser@rbl.example']);
    expect(people).toEqual([
      { aad: 'Aad-Nieuw-0003', name: '', known: false },
      { aad: 'aad-ruben-0001', name: 'Ruben Visser', known: true },
    ]);
  });

  it('answers an empty setting without asking the database', async () => {
    expect(await configuredPeople(t.db, [])).toEqual([]);
  });
});
