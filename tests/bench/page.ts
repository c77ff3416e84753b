/**
 * The self-check page, measured in Chromium (issue 16 item 6): its size, and the time from a file chosen in its
 * input to its findings shown, measured inside the page (the input's `change` event to the page's
 * `plancheck:checked`), for each example: the first check after the page opened (cold) and the median of the next.
 *
 *   npm run bench:page        # alone; `npm run bench` runs it last
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { median } from './measure';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPEATS = 7;

export interface PageBench {
  bytes: number;
  /** By example: the first check's milliseconds, and the median of the rest. */
  examples: { name: string; cold: number; warm: number }[];
}

export async function benchPage(): Promise<PageBench> {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-page-bench-'));
  try {
    const file = join(dir, 'self-check.html');
    const made = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'page', '--out', file], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`plancheck page failed: ${made.stderr}`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const examples: PageBench['examples'] = [];
      for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.yaml')).sort()) {
        const page = await browser.newPage();
        await page.addInitScript(() => {
          const times: number[] = [];
          let chosen = 0;
          (window as unknown as { benchTimes: number[] }).benchTimes = times;
          document.addEventListener('change', () => (chosen = performance.now()), true);
          document.addEventListener('plancheck:checked', () => times.push(performance.now() - chosen));
        });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        for (let i = 0; i < REPEATS; i += 1) {
          await page.setInputFiles('#file', join(EXAMPLES, name));
          await page.waitForFunction((n) => (window as unknown as { benchTimes: number[] }).benchTimes.length > n, i);
        }
        const times = await page.evaluate(() => (window as unknown as { benchTimes: number[] }).benchTimes);
        examples.push({ name, cold: times[0], warm: median(times.slice(1)) });
        await page.close();
      }
      return { bytes: statSync(file).size, examples };
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pageBenchLines(result: PageBench): string[] {
  const rows = result.examples.map((e) => `| ${e.name} | ${Math.round(e.cold)} | ${Math.round(e.warm)} |`);
  return [
    `\n## The self-check page in Chromium\n`,
    `Page: ${(result.bytes / 1024 / 1024).toFixed(2)} MiB (${result.bytes.toLocaleString('en')} bytes; target < 5 MB).\n`,
    '| example | first check after opening, ms | later checks, median ms |',
    '|---|---|---|',
    ...rows,
    `\nTarget: findings within 1 s of the file chosen: ${result.examples.every((e) => e.cold < 1000) ? '**met**' : 'not met'} (slowest first check ${Math.round(Math.max(...result.examples.map((e) => e.cold)))} ms).`,
  ];
}

if (require.main === module) {
  benchPage().then(
    (result) => console.log(pageBenchLines(result).join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
