/**
 * Renders every sample card (cards/samples.ts) the way Teams shows it: the official adaptivecards
 * renderer (the same UMD build the tests parse with), the Microsoft Teams light host config and the
 * Teams container styles from adaptivecards-designer, in headless Chromium, ~500px wide.
 * One PNG per card: artifacts/cards/<feature>-<name>.png (gitignored).
 *
 *   npx tsx scripts/render-cards.ts [outDir]
 *
 * Needs a Chromium binary: /usr/bin/chromium (Debian: apt-get install chromium) or CHROMIUM_PATH.
 * Date and time inputs show the browser's own format (mm/dd/yyyy without the chromium-l10n
 * package); Teams shows them in the user's locale.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const root = path.join(__dirname, '..');
const modules = path.join(root, 'node_modules');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=nl-NL'];

export interface CardToRender {
  feature: string;
  name: string;
  card: object;
}

export interface RenderedCard {
  feature: string;
  name: string;
  file: string;
  bytes: number;
  width: number;
  height: number;
  /** Problems the renderer reported while parsing (unknown elements, invalid values, ...). */
  warnings: string[];
}

const PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Wendbaar cards</title>
<style>
  html, body { margin: 0; background: #F5F5F5; font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
  #frame { display: inline-block; padding: 16px; background: #F5F5F5; }
  #host p { margin: 0; }
  #host ul, #host ol { margin: 0; padding-left: 20px; box-sizing: border-box; }
  #host { width: 500px; background: #FFFFFF; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
</style></head>
<body><div id="frame"><div id="host" class="teams-card"></div></div></body></html>`;

/**
 * Runs in the page once: the subset of Markdown Teams renders in TextBlocks (bold, italic, links,
 * bulleted and numbered lists). The adaptivecards library leaves Markdown to the host (in the
 * browser it would use markdown-it, which is not installed).
 */
function installMarkdown(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const AC = (window as any).AdaptiveCards;
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inline = (t: string) =>
    escape(t)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^\w*])[*_](\S(?:.*?\S)?)[*_](?=$|[^\w*])/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
  AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { didProcess: boolean; outputHtml?: string }) => {
    const blocks: string[] = [];
    let list: { tag: string; items: string[] } | undefined;
    const flush = () => {
      if (list) blocks.push(`<${list.tag}>${list.items.map((i) => `<li>${i}</li>`).join('')}</${list.tag}>`);
      list = undefined;
    };
    for (const line of text.split(/\r?\n/)) {
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
      const item = bullet ?? numbered;
      const tag = bullet ? 'ul' : 'ol';
      if (item) {
        if (list?.tag !== tag) flush();
        list ??= { tag, items: [] };
        list.items.push(inline(item[1]!));
      } else {
        flush();
        blocks.push(`<p>${inline(line)}</p>`);
      }
    }
    flush();
    result.outputHtml = blocks.join('');
    result.didProcess = true;
  };
}

/** Runs in the page: renders one card into #host and returns the parser's warnings. */
function renderInPage(args: { card: object; hostConfig: object }): string[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const AC = (window as any).AdaptiveCards;
  const host = document.getElementById('host')!;
  host.innerHTML = '';
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(args.hostConfig);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(args.card, context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
  const element = card.render();
  if (!element) return [...warnings, 'renderer returned nothing'];
  host.appendChild(element);
  return warnings;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Renders cards to PNG files in outDir; one browser page, no network (scripts are injected). */
export async function renderCards(cards: CardToRender[], outDir: string, browser?: Browser): Promise<RenderedCard[]> {
  mkdirSync(outDir, { recursive: true });
  const ownBrowser = !browser;
  const b = browser ?? (await launchChromium());
  try {
    const page = await b.newPage({ viewport: { width: 560, height: 800 }, deviceScaleFactor: 1, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    await page.route('**/*', (route) => route.abort()); // nothing leaves the machine
    await page.setContent(PAGE);
    await page.addStyleTag({ path: path.join(modules, 'adaptivecards-designer/dist/containers/teams-container-light.css') });
    await page.addScriptTag({ path: path.join(modules, 'adaptivecards/dist/adaptivecards.js') });
    // tsx (esbuild keepNames) wraps named functions in __name(); give the page a no-op one.
    await page.addScriptTag({ content: 'window.__name = window.__name || function (f) { return f; };' });
    await page.evaluate(installMarkdown);
    const hostConfig = JSON.parse(readFileSync(path.join(modules, 'adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json'), 'utf8')) as object;

    const results: RenderedCard[] = [];
    for (const { feature, name, card } of cards) {
      const warnings = await page.evaluate(renderInPage, { card, hostConfig });
      const file = path.join(outDir, `${feature}-${name}.png`.replace(/[^\w.-]+/g, '_'));
      const frame = page.locator('#frame');
      const box = (await frame.boundingBox()) ?? { width: 0, height: 0 };
      const png = await frame.screenshot({ path: file, animations: 'disabled' });
      results.push({ feature, name, file, bytes: png.length, width: Math.round(box.width), height: Math.round(box.height), warnings });
    }
    await page.close();
    return results;
  } finally {
    if (ownBrowser) await b.close();
  }
}

async function main() {
  // Loaded here, not at the top, so the test can import renderCards without the card builders.
  const { allSampleCards } = await import('../cards/samples');
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'artifacts', 'cards'));
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  const cards = Object.entries(allSampleCards).flatMap(([feature, byName]) => Object.entries(byName).map(([name, card]) => ({ feature, name, card })));
  const results = await renderCards(cards, outDir);
  for (const r of results) {
    console.log(`${path.relative(process.cwd(), r.file)}  ${r.width}x${r.height}${r.warnings.length ? `  warnings: ${r.warnings.join('; ')}` : ''}`);
  }
  console.log(`${results.length} cards rendered into ${path.relative(process.cwd(), outDir) || '.'}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
