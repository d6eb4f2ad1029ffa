import { loadConfig, ConfigError } from '../../config';
import { escalationPolicy } from '../../services/caseload/rules';

describe('configuration', () => {
  it('runs in local mode with defaults from the report when nothing is set', () => {
    const config = loadConfig({});
    expect(config.localMode).toBe(true);
    expect(config.env.PORT).toBe(3978);
    expect(config.env.WENDBAAR_TIME_ZONE).toBe('Europe/Amsterdam');
    expect(config.office.regioteams.map((t) => t.id)).toEqual(['noord', 'zuid']);
    expect(escalationPolicy(config.env)).toEqual({ workingDays: 1, urgentHours: 2 });
  });

  it('parses role lists and per-team teamleiders', () => {
    const config = loadConfig({ WENDBAAR_MT: 'a, b', WENDBAAR_TEAMLEIDERS: 'noord:x|y;zuid:z', WENDBAAR_CASELOAD_ESCALATION_URGENT_HOURS: '1' });
    expect(config.env.WENDBAAR_MT).toEqual(['a', 'b']);
    expect(config.env.WENDBAAR_TEAMLEIDERS).toEqual({ noord: ['x', 'y'], zuid: ['z'] });
    expect(escalationPolicy(config.env).urgentHours).toBe(1);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT: /],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a postgres:\/\//],
    [{ WENDBAAR_TIME_ZONE: 'Mars/Olympus' }, /WENDBAAR_TIME_ZONE: must be an IANA time zone/],
    [{ MicrosoftAppId: 'id-only' }, /MicrosoftAppPassword: MicrosoftAppId and MicrosoftAppPassword must be set together/],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret' }, /MicrosoftAppTenantId: is required for a SingleTenant app/],
    [{ WENDBAAR_TEAMLEIDERS: 'noord' }, /WENDBAAR_TEAMLEIDERS: "noord" must look like team:person\|person/],
    [{ WENDBAAR_TEAMLEIDERS: 'west:x' }, /WENDBAAR_TEAMLEIDERS: unknown regioteam west \(known: noord, zuid\)/],
    [{ WENDBAAR_DAILY_CRON: 'every day' }, /WENDBAAR_DAILY_CRON: must be a cron expression/],
    [{ WENDBAAR_OFFICE_FILE: '/nonexistent/office.json' }, /WENDBAAR_OFFICE_FILE: cannot read/],
  ])('stops start-up with one English line naming the bad setting: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
