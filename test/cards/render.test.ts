/**
 * Renders a few sample cards in headless Chromium with the official renderer and the Teams host
 * config (scripts/render-cards.ts) and checks real pixels come out. All cards: `npm run render:cards`.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allSampleCards } from '../../cards/samples';
import { CHROMIUM_PATH, renderCards } from '../../scripts/render-cards';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium && process.env.CI !== 'true') {
  console.warn(`render.test.ts skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH). On CI this fails.`);
}
const maybe = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

maybe('card rendering (headless Chromium, Teams host config)', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'wendbaar-cards-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('renders the core cards and one card of each feature to non-empty PNGs without renderer warnings', async () => {
    const picks = Object.entries(allSampleCards).flatMap(([feature, cards]) => {
      const entries = Object.entries(cards);
      const chosen = feature === 'core' ? entries.filter(([name]) => ['menu', 'welcome', 'error'].includes(name)) : entries.slice(0, 1);
      return chosen.map(([name, card]) => ({ feature, name, card }));
    });
    const results = await renderCards(picks, outDir);
    expect(results.map((r) => `${r.feature}-${r.name}`)).toEqual(picks.map((p) => `${p.feature}-${p.name}`));
    for (const r of results) {
      expect(r.warnings).toEqual([]);
      expect(statSync(r.file).size).toBeGreaterThan(2000);
      expect(r.width).toBeGreaterThan(400);
      // A card with a title and a button is taller than an empty frame (~40px).
      expect(r.height).toBeGreaterThan(100);
    }
  }, 60000);
});
