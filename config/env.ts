import { z } from 'zod';

/**
 * Every setting Wendbaar reads from the environment. Parsed once at start-up; tests pass their own
 * env object. Documented for operators in `.env.example`.
 */
const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

const boolFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Amsterdam' },
);

const cronExpression = z.string().regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron expression with 5 or 6 fields');

/** "noord:aad-id-1|aad-id-2;zuid:user@example.org" → { noord: [...], zuid: [...] } */
const perTeamList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const result: Record<string, string[]> = {};
    for (const part of (value ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
      const [team, people] = part.split(':');
      if (!team || !people) {
        ctx.addIssue({ code: 'custom', message: `"${part}" must look like team:person|person` });
        return z.NEVER;
      }
      result[team.trim()] = people.split('|').map((p) => p.trim()).filter(Boolean);
    }
    return result;
  });

export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().optional(),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppTenantId: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
      .optional(),
    WENDBAAR_DATA_DIR: z.string().default('./data'),
    WENDBAAR_TIME_ZONE: timeZone.default('Europe/Amsterdam'),
    WENDBAAR_MT: list,
    WENDBAAR_BELEID: list,
    WENDBAAR_TEAMLEIDERS: perTeamList,
    WENDBAAR_OFFICE_FILE: z.string().optional(),
    WENDBAAR_PUBLIC_URL: z.string().url().optional(),
    WENDBAAR_FOUR_EYES: boolFlag,
    WENDBAAR_DAILY_CRON: cronExpression.default('0 8 * * 1-5'),
    WENDBAAR_WEEKSTART_CRON: cronExpression.default('30 8 * * 1'),
    /** The weekly capacity snapshot, after the weekstart (its figures are the ones the weekstart showed). */
    WENDBAAR_CAPACITY_CRON: cronExpression.default('0 10 * * 1'),
    /** A help request without an accepted offer goes to the teamleider after this many working days… */
    WENDBAAR_CASELOAD_ESCALATION_WORKING_DAYS: z.coerce.number().int().min(1).max(20).default(1),
    /** …or, with urgency "vandaag", after this many hours. */
    WENDBAAR_CASELOAD_ESCALATION_URGENT_HOURS: z.coerce.number().min(0.25).max(48).default(2),
    WENDBAAR_SENDER_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
    /** Incoming activities handled at once; more wait their turn (bot/turn-gate.ts). */
    WENDBAAR_CONCURRENT_TURNS: z.coerce.number().int().min(1).max(256).default(4),
    /** Beyond this many waiting, an incoming activity is answered 503 with Retry-After. */
    WENDBAAR_WAITING_TURNS: z.coerce.number().int().min(0).default(1000),
    WENDBAAR_DISABLE_SCHEDULER: boolFlag,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    const creds = [env.MicrosoftAppId, env.MicrosoftAppPassword].filter(Boolean).length;
    if (creds === 1 && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: [env.MicrosoftAppId ? 'MicrosoftAppPassword' : 'MicrosoftAppId'],
        message: 'MicrosoftAppId and MicrosoftAppPassword must be set together (or both left empty for local mode)',
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant app' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; a bad setting becomes one English line naming it. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  return result.data;
}
