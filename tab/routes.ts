import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../bot/app-deps';
import { resolveActor, type Actor } from '../services/authz';
import { officeZone, type ActingContext } from '../services/context';
import { buildOverview } from '../services/overview/build';
import { evaluationCsv, evaluationMarkdown } from '../services/overview/export';
import { exportChanges } from '../services/status/actions/overview';
import { todayOf } from '../services/status/shared';
import type { OverviewSources } from '../services/overview/sources';
import type { Logger } from '../services/logger';
import { allPeople, getPerson } from '../services/people/store';
import { createTabTokenVerifier, resolveTabActor, TabAuthError } from '../services/tab-auth';

/**
 * The Overzicht tab: static page under /tab/, its data under /api/overview. Inside Teams the page
 * sends the Teams SSO token; in local mode (no app credentials, loopback) a development sign-in
 * (`Authorization: Dev <aadObjectId>`) lets the tab be tried in a browser.
 */
export interface TabRouteOptions {
  /** Where the SSO signing keys are published (tests serve a local JWKS). */
  jwksUrl?: string;
  sources?: OverviewSources;
}

const PUBLIC_DIR = path.join(__dirname, 'public');
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
/** Teams (web, desktop, mobile) may frame the tab; nobody else may. */
const FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";
const PAGE_HEADERS = {
  'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors ${FRAME_ANCESTORS}`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export class TabRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error: string; reason?: string },
  ) {
    super(body.error);
  }
}

export function registerTabRoutes(server: Server, deps: AppDeps, options: TabRouteOptions = {}): void {
  const { config, db, log } = deps;
  const publicUrl = config.env.WENDBAAR_PUBLIC_URL;
  const host = publicUrl ? `${new URL(publicUrl).host}${new URL(publicUrl).pathname.replace(/\/+$/, '')}` : '';
  const verify = config.localMode
    ? undefined
    : createTabTokenVerifier({
        appId: config.env.MicrosoftAppId,
        host,
        tenantId: config.env.MicrosoftAppType === 'SingleTenant' ? config.env.MicrosoftAppTenantId : undefined,
        jwksUrl: options.jwksUrl,
        now: () => deps.clock.now(),
      });
  if (!config.localMode && !publicUrl) log.warn('WENDBAAR_PUBLIC_URL is not set: the Overzicht tab accepts only tokens whose audience is the bare app id');

  const devSignIn = (req: Request) => config.localMode && LOOPBACK.has(req.socket.remoteAddress ?? '');

  async function authenticate(req: Request, log: Logger): Promise<Actor> {
    const header = req.header('authorization') ?? '';
    const [scheme, credential] = [header.split(' ')[0]?.toLowerCase(), header.slice(header.indexOf(' ') + 1).trim()];
    if (scheme === 'dev' && credential) {
      if (!devSignIn(req)) throw new TabRequestError(401, { error: 'Ontwikkelaarsaanmelding is alleen lokaal beschikbaar.', reason: 'dev-disabled' });
      const person = await getPerson(db, credential);
      return resolveActor({ aadObjectId: credential, name: person?.name || credential, upn: person?.upn, regioteam: person?.regioteam }, deps.roles);
    }
    if (scheme !== 'bearer' || !credential) throw new TabRequestError(401, { error: 'Niet aangemeld.', reason: 'missing' });
    if (!verify) throw new TabRequestError(401, { error: 'Aanmelden via Teams is niet ingesteld (lokale modus).', reason: 'sso-not-configured' });
    try {
      return await resolveTabActor(db, await verify(credential), deps.roles);
    } catch (error) {
      if (error instanceof TabAuthError) {
        log.info({ reason: error.reason }, 'tab token refused');
        throw new TabRequestError(401, { error: 'Je aanmelding is ongeldig of verlopen. Open het tabblad opnieuw.', reason: error.reason });
      }
      throw error;
    }
  }

  const api = (handler: (req: Request, res: Response, ctx: ActingContext) => Promise<void>) => async (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    // Like a bot turn, every request's log lines share one id.
    const correlationId = randomUUID().slice(0, 8);
    const requestLog = log.child({ correlationId });
    try {
      const actor = await authenticate(req, requestLog);
      await handler(req, res, { db, clock: deps.clock, config, roles: deps.roles, log: requestLog, correlationId, actor });
    } catch (error) {
      if (error instanceof TabRequestError) {
        res.setHeader('www-authenticate', 'Bearer');
        res.send(error.status, error.body);
        return;
      }
      requestLog.error({ err: error }, 'overview request failed');
      res.send(500, { error: 'Het overzicht kan nu niet worden geladen. Probeer het zo opnieuw.' });
    }
  };

  const overview = (ctx: ActingContext) => buildOverview(ctx, options.sources);

  server.get('/api/overview/config', async (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    // The page formats dates and times in the office's zone, whatever the browser's zone is.
    res.send(200, { officeName: config.office.name, timeZone: officeZone({ config }), devSignIn: devSignIn(req), sso: !!verify });
  });

  server.get('/api/overview/dev-users', async (req: Request, res: Response) => {
    if (!devSignIn(req)) {
      res.send(404, { error: 'Niet gevonden.' });
      return;
    }
    const people = await allPeople(db);
    const known = new Set(people.map((p) => p.aad_object_id));
    const configured = [...deps.roles.mt, ...deps.roles.beleid, ...Object.values(deps.roles.teamleiders).flat()].filter((id) => !known.has(id));
    const users = [
      ...people.map((p) => ({ aadObjectId: p.aad_object_id, name: p.name || p.aad_object_id, regioteam: p.regioteam ?? undefined, upn: p.upn ?? undefined })),
      ...[...new Set(configured)].map((id) => ({ aadObjectId: id, name: id, regioteam: undefined, upn: undefined })),
    ].map((u) => {
      const actor = resolveActor({ aadObjectId: u.aadObjectId, name: u.name, upn: u.upn, regioteam: u.regioteam }, deps.roles);
      return { aadObjectId: u.aadObjectId, name: u.name, regioteam: actor.regioteam, isMt: actor.isMt, isBeleid: actor.isBeleid, teamleiderOf: actor.teamleiderOf };
    });
    res.send(200, { users });
  });

  server.get(
    '/api/overview',
    api(async (_req, res, ctx) => {
      res.send(200, await overview(ctx));
    }),
  );

  /** An export route: `csv` or `md`, the file made by `file`, sent as an attachment (or `file` answers itself). */
  const exportRoute = (path: string, file: (ctx: ActingContext, res: Response) => Promise<{ name: string; csv: string; md: string } | undefined>) =>
    server.get(
      path,
      api(async (req, res, ctx) => {
        const format = (req.params as { format?: string }).format;
        if (format !== 'csv' && format !== 'md') {
          res.send(404, { error: 'Onbekend exportformaat.' });
          return;
        }
        const made = await file(ctx, res);
        if (!made) return;
        res.sendRaw(200, made[format], {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8',
          'content-disposition': `attachment; filename="${made.name}.${format}"`,
          'cache-control': 'no-store',
        });
      }),
    );

  exportRoute('/api/overview/evaluation/:format', async (ctx, res) => {
    const view = await overview(ctx);
    if (view.evaluation.state !== 'ok') {
      res.send(403, { error: view.evaluation.state === 'forbidden' ? view.evaluation.reason : 'De evaluatie is nog niet beschikbaar.' });
      return undefined;
    }
    const data = view.evaluation.data;
    return { name: `evaluatie-${data.period.from}-${data.period.to}`, csv: evaluationCsv(data), md: evaluationMarkdown(data, config.office) };
  });

  // `status export` in the chat links here: every decided statusaanpassing, for everyone signed in.
  exportRoute('/api/overview/status/:format', async (ctx) => {
    const { csv, markdown } = await exportChanges(ctx);
    return { name: `statusaanpassingen-${todayOf(ctx, ctx.clock.now())}`, csv, md: markdown };
  });

  // The teams-js browser bundle, straight from node_modules (not copied into the repository).
  let teamsJs: Buffer | undefined;
  server.get('/tab/vendor/teams-js.min.js', async (_req: Request, res: Response) => {
    teamsJs ??= readFileSync(require.resolve('@microsoft/teams-js'));
    res.sendRaw(200, teamsJs, { 'content-type': CONTENT_TYPES['.js']!, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' });
  });

  server.get('/tab', async (_req: Request, res: Response) => {
    res.redirect(302, '/tab/index.html', () => undefined);
  });

  server.get('/tab/:file', async (req: Request, res: Response) => {
    const file = (req.params as { file?: string }).file ?? '';
    const full = path.join(PUBLIC_DIR, file);
    if (!/^[a-z0-9-]+\.(html|css|js|svg|png)$/.test(file) || !existsSync(full)) {
      res.sendRaw(404, 'Niet gevonden', { 'content-type': 'text/plain; charset=utf-8' });
      return;
    }
    res.sendRaw(200, readFileSync(full), { ...PAGE_HEADERS, 'content-type': CONTENT_TYPES[path.extname(file)]! });
  });
}
