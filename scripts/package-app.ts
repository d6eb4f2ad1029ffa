import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * `npm run package`: builds appPackage.zip (manifest.json, nl.json, en.json, color.png, outline.png)
 * from manifest/templates with the app id and host from configuration, then validates the zip's own
 * contents offline against Microsoft's official schemas (see loadSchemas). A broken manifest fails
 * with the reasons, one per line.
 */

export interface PackageSettings {
  /** MicrosoftAppId: the bot's and the app's id (a GUID). */
  appId: string;
  /** WENDBAAR_PUBLIC_URL: https origin (and optional path) where the bot and the tab are served. */
  publicUrl: string;
  /** Host (and path) of publicUrl, as validDomains and the SSO resource want it. */
  host: string;
  version: string;
}

export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(
    message: string,
    readonly problems: string[] = [],
    hint?: string,
  ) {
    super([problems.length ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message, hint].filter(Boolean).join('\n'));
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'manifest'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new PackageError(`cannot find the project root above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Reads the two settings the package needs; the bot's other settings (password, database) are not required here. */
export function packageSettingsFromEnv(env: NodeJS.ProcessEnv, version: string): PackageSettings {
  const problems: string[] = [];
  const appId = (env.MicrosoftAppId ?? '').trim();
  const publicUrl = (env.WENDBAAR_PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  if (!appId) problems.push('MicrosoftAppId: must be set to the bot registration\'s app id (a GUID)');
  else if (!GUID.test(appId)) problems.push('MicrosoftAppId: must be the bot registration\'s app id (a GUID)');
  let host = '';
  if (!publicUrl) {
    problems.push('WENDBAAR_PUBLIC_URL: must be set to the public https:// address of the bot, e.g. https://wendbaar.example.org');
  } else {
    try {
      const url = new URL(publicUrl);
      if (url.protocol !== 'https:') problems.push('WENDBAAR_PUBLIC_URL: Teams only loads https:// tabs and bots');
      host = `${url.host}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      problems.push('WENDBAAR_PUBLIC_URL: must be the public https:// address of the bot, e.g. https://wendbaar.example.org');
    }
  }
  if (problems.length) {
    throw new PackageError(
      'Cannot build the app package: configuration is incomplete',
      problems,
      'Set them in the environment, for example: MicrosoftAppId=00000000-0000-0000-0000-000000000000 WENDBAAR_PUBLIC_URL=https://wendbaar.example.org npm run package',
    );
  }
  return { appId, publicUrl, host, version };
}

/** Fills {{APP_ID}}, {{HOST}}, {{PUBLIC_URL}} and {{VERSION}} in the JSON templates; copies the icons. */
export function renderTemplates(templateDir: string, settings: PackageSettings): Map<string, Buffer> {
  const values: Record<string, string> = {
    APP_ID: settings.appId,
    HOST: settings.host,
    PUBLIC_URL: settings.publicUrl,
    VERSION: settings.version,
  };
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(templateDir).sort()) {
    const data = readFileSync(path.join(templateDir, name));
    if (!name.endsWith('.json')) {
      files.set(name, data);
      continue;
    }
    const text = data.toString('utf8').replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => {
      const value = values[key];
      return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
    });
    files.set(name, Buffer.from(text, 'utf8'));
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Zip and PNG, through fflate and pngjs

/** Fixed timestamps, so equal input gives an equal zip. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

export function createZip(entries: Map<string, Buffer>): Buffer {
  const files: Record<string, [Uint8Array, { level: 9; mtime: Date }]> = {};
  for (const [name, data] of entries) files[name] = [data, { level: 9, mtime: ZIP_DATE }];
  return Buffer.from(zipSync(files));
}

/** Reads a zip the way Teams does (central directory); fflate checks each entry's CRC. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  try {
    return new Map(Object.entries(unzipSync(zip)).map(([name, data]) => [name, Buffer.from(data)]));
  } catch (error) {
    throw new PackageError(`appPackage.zip cannot be read: ${(error as Error).message}`);
  }
}

export interface PngImage {
  width: number;
  height: number;
  /** RGBA, 8 bit per channel. */
  pixels: Buffer;
}

export function decodePng(data: Buffer): PngImage {
  const png = PNG.sync.read(data);
  return { width: png.width, height: png.height, pixels: png.data };
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface ManifestSchemas {
  manifest: object;
  localization: object;
  /** Where the schemas came from, for the build's log line. */
  source: string;
}

/** The manifest version of manifest/templates/manifest.json, whose official schema validates the package. */
export const MANIFEST_VERSION = '1.19';

/**
 * Microsoft's official JSON schemas for the manifest and its localisation files, as shipped in
 * @microsoft/app-manifest (a devDependency), resolved from `root`'s node_modules.
 */
export function loadSchemas(root: string, manifestVersion = MANIFEST_VERSION): ManifestSchemas {
  const dir = `@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}`;
  const read = (file: string) => {
    let resolved: string;
    try {
      resolved = require.resolve(`${dir}/${file}`, { paths: [root] });
    } catch {
      throw new PackageError(
        `Cannot validate the app package: the official Teams manifest schema v${manifestVersion} (${dir}/${file}) is not installed. It ships in @microsoft/app-manifest, a devDependency: run npm ci (without --omit=dev).`,
      );
    }
    return JSON.parse(readFileSync(resolved, 'utf8')) as object;
  };
  return { manifest: read('MicrosoftTeams.schema.json'), localization: read('MicrosoftTeams.Localization.schema.json'), source: `${dir}/MicrosoftTeams.schema.json` };
}

function compile(schema: object): ValidateFunction {
  // Microsoft's schemas are draft-04 and use patterns that are invalid with the RegExp `u` flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv as unknown as Ajv);
  return ajv.compile(schema);
}

function describe(file: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(root)';
    const params = error.params as { additionalProperty?: string; allowedValues?: unknown[]; allowedValue?: unknown };
    const extra =
      params.additionalProperty !== undefined ? ` "${params.additionalProperty}"`
      : params.allowedValues !== undefined ? ` (${params.allowedValues.join(', ')})`
      : 'allowedValue' in params ? ` ${JSON.stringify(params.allowedValue)}`
      : '';
    return `${file}: ${where} ${error.message ?? 'is invalid'}${extra}`;
  });
}

/** Looks up "bots[0].commandLists[1].commands[7].description" in the manifest. */
function resolveKey(manifest: unknown, key: string): unknown {
  let value: unknown = manifest;
  for (const part of key.split('.')) {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    value = (value as Record<string, unknown> | undefined)?.[match[1]!];
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) value = (value as unknown[] | undefined)?.[Number(index[1])];
  }
  return value;
}

/** Every problem with the package's files, empty when Teams should accept it. */
export function validatePackageFiles(files: Map<string, Buffer>, schemas: ManifestSchemas): string[] {
  const problems: string[] = [];
  const json = (name: string): Record<string, unknown> | undefined => {
    const data = files.get(name);
    if (!data) {
      problems.push(`${name}: missing from the package`);
      return undefined;
    }
    try {
      return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${name}: not valid JSON (${(error as Error).message})`);
      return undefined;
    }
  };
  const manifest = json('manifest.json');
  if (!manifest) return problems;
  const validateManifest = compile(schemas.manifest);
  if (!validateManifest(manifest)) problems.push(...describe('manifest.json', validateManifest.errors));

  for (const [name, data] of files) {
    const left = /\{\{[A-Z_]+\}\}/.exec(data.toString('latin1'));
    if (name.endsWith('.json') && left) problems.push(`${name}: placeholder ${left[0]} was not filled in`);
  }

  const icons = (manifest.icons ?? {}) as { color?: string; outline?: string };
  for (const [kind, size] of [['color', 192], ['outline', 32]] as const) {
    const file = icons[kind];
    const data = file ? files.get(file) : undefined;
    if (!file || !data) {
      problems.push(`icons.${kind}: ${file ?? '(none)'} is not in the package`);
      continue;
    }
    try {
      const png = decodePng(data);
      if (png.width !== size || png.height !== size) problems.push(`${file}: must be ${size}x${size} pixels, is ${png.width}x${png.height}`);
      if (kind === 'outline') {
        let opaqueNonWhite = 0;
        let transparent = 0;
        for (let i = 0; i < png.pixels.length; i += 4) {
          const [r, g, b, a] = png.pixels.subarray(i, i + 4);
          if (a === 0) transparent++;
          else if (r! < 250 || g! < 250 || b! < 250) opaqueNonWhite++;
        }
        if (transparent === 0) problems.push(`${file}: the outline icon needs a transparent background`);
        if (opaqueNonWhite > 0) problems.push(`${file}: the outline icon may only contain white (found ${opaqueNonWhite} other pixels)`);
      }
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }

  const localization = (manifest.localizationInfo ?? {}) as { defaultLanguageFile?: string; additionalLanguages?: Array<{ file: string }> };
  const languageFiles = [localization.defaultLanguageFile, ...(localization.additionalLanguages ?? []).map((l) => l.file)].filter((f): f is string => !!f);
  const validateLocalization = compile(schemas.localization);
  for (const file of languageFiles) {
    const strings = json(file);
    if (!strings) continue;
    if (!validateLocalization(strings)) problems.push(...describe(file, validateLocalization.errors));
    for (const key of Object.keys(strings).filter((k) => k !== '$schema')) {
      if (typeof resolveKey(manifest, key) !== 'string') problems.push(`${file}: "${key}" does not match a text in manifest.json`);
    }
  }

  const domains = (manifest.validDomains ?? []) as string[];
  const urls = JSON.stringify(manifest).match(/https:\/\/[^"]+/g) ?? [];
  for (const url of urls.filter((u) => !u.startsWith('https://developer.microsoft.com/'))) {
    const host = new URL(url).host;
    if (!domains.some((domain) => domain.split('/')[0] === host)) problems.push(`validDomains: ${host} (used by ${url}) is not listed`);
  }
  const sso = manifest.webApplicationInfo as { id?: string; resource?: string } | undefined;
  if (sso && sso.resource !== `api://${domains[0]}/${sso.id}`) problems.push(`webApplicationInfo.resource: must be api://<host>/<app id>, is ${sso.resource}`);
  return problems;
}

export interface BuiltPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
  schemaSource: string;
}

/** Renders the templates, zips them, reads the zip back and validates what Teams will read. */
export function buildAppPackage(settings: PackageSettings, options: { root?: string; templateDir?: string; schemas?: ManifestSchemas } = {}): BuiltPackage {
  const root = options.root ?? projectRoot();
  const files = renderTemplates(options.templateDir ?? path.join(root, 'manifest', 'templates'), settings);
  const zip = createZip(files);
  const unpacked = readZip(zip);
  const schemas = options.schemas ?? loadSchemas(root);
  const problems = validatePackageFiles(unpacked, schemas);
  if (problems.length) throw new PackageError(`appPackage.zip is not a valid Teams app package (checked against ${schemas.source}):`, problems);
  return { zip, manifest: JSON.parse(unpacked.get('manifest.json')!.toString('utf8')) as Record<string, unknown>, schemaSource: schemas.source };
}

export function main(env: NodeJS.ProcessEnv = process.env): number {
  try {
    const root = projectRoot();
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const settings = packageSettingsFromEnv(env, version);
    const built = buildAppPackage(settings, { root });
    const out = path.join(root, 'appPackage.zip');
    writeFileSync(out, built.zip);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), out) || out} for ${settings.host} (app ${settings.appId}); valid against ${built.schemaSource}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) process.exitCode = main();
