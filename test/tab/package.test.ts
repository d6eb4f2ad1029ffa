import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAppPackage, decodePng, loadSchemas, main, packageSettingsFromEnv, PackageError, projectRoot, readZip } from '../../scripts/package-app';

const root = projectRoot(__dirname);
const env = { MicrosoftAppId: '7c2f3a55-1d2e-4b0a-9f3e-2a1b0c9d8e7f', WENDBAAR_PUBLIC_URL: 'https://wendbaar.example.org/' };
const settings = packageSettingsFromEnv(env, '1.2.3');

/** A scratch copy of the templates that a test may break. */
function templatesWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wendbaar-manifest-'));
  cpSync(path.join(root, 'manifest', 'templates'), dir, { recursive: true });
  edit(dir);
  return dir;
}
function editManifest(dir: string, change: (manifest: Record<string, unknown>) => void) {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}
function problemsOf(templateDir: string): string[] {
  try {
    buildAppPackage(settings, { root, templateDir });
    return [];
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  } finally {
    rmSync(templateDir, { recursive: true, force: true });
  }
}

test('npm run package builds a zip with the app id and host filled in, valid against the schema', () => {
  const built = buildAppPackage(settings, { root });
  const files = readZip(built.zip);
  expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nl.json', 'outline.png']);
  const manifest = built.manifest as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(manifest).toMatchObject({
    id: env.MicrosoftAppId,
    version: '1.2.3',
    validDomains: ['wendbaar.example.org'],
    webApplicationInfo: { id: env.MicrosoftAppId, resource: `api://wendbaar.example.org/${env.MicrosoftAppId}` },
  });
  expect(manifest.bots[0]).toMatchObject({ botId: env.MicrosoftAppId, scopes: ['personal', 'team', 'groupChat'] });
  expect(manifest.staticTabs[0]).toMatchObject({ name: 'Overzicht', contentUrl: 'https://wendbaar.example.org/tab/index.html?context=personal', scopes: ['personal'] });
  expect(manifest.configurableTabs[0]).toMatchObject({ configurationUrl: 'https://wendbaar.example.org/tab/config.html', scopes: ['team'] });
  const titles = manifest.bots[0].commandLists.flatMap((l: { commands: Array<{ title: string }> }) => l.commands.map((c) => c.title));
  expect(titles).toEqual(expect.arrayContaining(['menu', 'taken', 'status', 'statusaanpassing', 'mdo', 'ondersteuning', 'werkdruk', 'monitoring', 'afwezig', 'terug', 'koppel']));
  expect(decodePng(files.get('color.png')!)).toMatchObject({ width: 192, height: 192 });
  expect(decodePng(files.get('outline.png')!)).toMatchObject({ width: 32, height: 32 });
  expect(JSON.parse(files.get('en.json')!.toString())['staticTabs[0].name']).toBe('Overview');
  // Which schema was used is part of the build's output line: Microsoft's own v1.19 schema.
  expect(built.schemaSource).toBe(loadSchemas(root).source);
  expect(built.schemaSource).toBe('@microsoft/app-manifest/build/json-schemas/teams/v1.19/MicrosoftTeams.schema.json');
});

test('without the official schema package the build stops and says how to get it, instead of validating against less', () => {
  const bare = mkdtempSync(path.join(tmpdir(), 'wendbaar-no-schema-'));
  try {
    expect(() => loadSchemas(bare)).toThrow(PackageError);
    expect(() => loadSchemas(bare)).toThrow(/Teams manifest schema v1\.19 .*@microsoft\/app-manifest.*npm ci/);
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
});

test('configuration without an app id or an https address is refused with the reason', () => {
  expect(() => packageSettingsFromEnv({ WENDBAAR_PUBLIC_URL: 'http://localhost:3978' }, '1.0.0')).toThrow(
    /MicrosoftAppId: must be .*GUID[\s\S]*WENDBAAR_PUBLIC_URL: Teams only loads https/,
  );
});

test('npm run package without settings says which settings to set, and how', () => {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(main({})).toBe(1);
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(written).toContain('MicrosoftAppId: must be set to the bot registration\'s app id (a GUID)');
    expect(written).toContain('WENDBAAR_PUBLIC_URL: must be set to the public https:// address of the bot, e.g. https://wendbaar.example.org');
    expect(written).toContain('Set them in the environment, for example: MicrosoftAppId=00000000-0000-0000-0000-000000000000 WENDBAAR_PUBLIC_URL=https://wendbaar.example.org npm run package');
  } finally {
    stderr.mockRestore();
  }
});

test.each([
  ['a command title longer than Teams allows', (m: Record<string, any>) => (m.bots[0].commandLists[0].commands[0].title = 'x'.repeat(40)), /bots\.0\.commandLists\.0\.commands\.0\.title must NOT have more than 32 characters/], // eslint-disable-line @typescript-eslint/no-explicit-any
  ['an unknown top-level field', (m: Record<string, unknown>) => (m.staticTab = []), /\(root\) must NOT have additional properties "staticTab"/],
  ['a missing required field', (m: Record<string, unknown>) => delete m.developer, /\(root\) must have required property 'developer'/],
  ['a manifest version other than 1.19', (m: Record<string, unknown>) => (m.manifestVersion = '1.17'), /manifest\.json: manifestVersion must be equal to constant "1\.19"/],
  ['a bot scope Teams does not know', (m: Record<string, any>) => (m.bots[0].scopes = ['personal', 'channel']), /bots\.0\.scopes\.1 must be equal to one of the allowed values/], // eslint-disable-line @typescript-eslint/no-explicit-any
  ['a tab on a host that is not a valid domain', (m: Record<string, any>) => (m.staticTabs[0].contentUrl = 'https://evil.example.com/tab'), /validDomains: evil\.example\.com .* is not listed/], // eslint-disable-line @typescript-eslint/no-explicit-any
])('a broken manifest (%s) fails validation with the reason', (_name, change, reason) => {
  const problems = problemsOf(templatesWith((dir) => editManifest(dir, change)));
  expect(problems.join('\n')).toMatch(reason);
});

test('a wrong icon size, a non-transparent outline icon or a stale translation key fail validation', () => {
  const problems = problemsOf(
    templatesWith((dir) => {
      cpSync(path.join(dir, 'color.png'), path.join(dir, 'outline.png'));
      const nl = JSON.parse(readFileSync(path.join(dir, 'nl.json'), 'utf8'));
      nl['staticTabs[3].name'] = 'Weg';
      writeFileSync(path.join(dir, 'nl.json'), JSON.stringify(nl));
    }),
  );
  expect(problems).toEqual(
    expect.arrayContaining([
      'outline.png: must be 32x32 pixels, is 192x192',
      'outline.png: the outline icon needs a transparent background',
      'nl.json: "staticTabs[3].name" does not match a text in manifest.json',
    ]),
  );
});
