/**
 * The self-check page as a clerk sees it, before and after choosing a file: docs/screenshots/page-empty.png and
 * page-findings.png. Run with `npm run docs:page-screenshots` after changing the page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program';
import { launchChromium, openFile } from './chromium';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const html = join(mkdtempSync(join(tmpdir(), 'plancheck-page-shot-')), 'self-check.html');
  const quiet = { stdout: () => undefined, stderr: (text: string) => void process.stderr.write(text) };
  if ((await runCli(['page', '--out', html, '--level', 'county', '--year', '2024'], quiet)) !== 0) throw new Error('plancheck page failed');
  const browser = await launchChromium();
  const { page } = await openFile(browser, html);
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.screenshot({ path: join(root, 'docs', 'screenshots', 'page-empty.png') });
  await page.setInputFiles('#file', join(root, 'examples', 'county-2024-with-failures.yaml'));
  await page.waitForSelector('#report article.finding');
  await page.setViewportSize({ width: 1100, height: 1400 });
  await page.screenshot({ path: join(root, 'docs', 'screenshots', 'page-findings.png') });
  await browser.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
