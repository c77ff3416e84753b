/**
 * Renders the example report and takes the screenshot the README shows (docs/report-example.png).
 * Run with `npm run docs:screenshot` after changing the HTML report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program';
import { launchChromium, openFile } from './chromium';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const html = join(mkdtempSync(join(tmpdir(), 'plancheck-shot-')), 'report.html');
  const quiet = { stdout: () => undefined, stderr: (text: string) => void process.stderr.write(text) };
  process.chdir(root);
  await runCli(['check', 'examples/county-2024-with-failures.yaml', '--format', 'html', '--out', html, '--exit-zero'], quiet);
  const browser = await launchChromium();
  const { page } = await openFile(browser, html);
  await page.setViewportSize({ width: 1100, height: 1250 });
  await page.screenshot({ path: join(root, 'docs', 'report-example.png') });
  await browser.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
