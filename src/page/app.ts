/**
 * The self-check page's script: the library's own intake, engine and report renderer, run in the browser on the
 * data `plancheck page` embedded (host/embedded.ts). A file chosen or dropped, and the data of the form, take one
 * path: its bytes are read as the command line reads a file, checked by the same Checker, and drawn by the renderer
 * of `check --format html`, so that the page and `plancheck check FILE` say the same thing about the same file.
 */
import { bundledHolidayYears } from '../calendar/holiday-notices';
import { WorkingDayCalendar } from '../calendar/working-days';
import type { Lang } from '../core/i18n';
import type { CheckResult } from '../findings/types';
import type { InputProblem } from '../intake/problem';
import { LEVELS, type Level } from '../pack/types';
import { LEVEL_LABELS } from '../pack/levels';
import { renderHtml } from '../report/check/html';
import { PAGE_WORDS, verdictText } from '../report/page/words';
import { Checker } from '../run/checker';
import { checkExitStatus } from '../run/exit';
import { pageData } from './host/embedded';
import { chooseFile } from './host/read-file';

const DATA_ENDINGS = ['.yaml', '.yml', '.json', '.xlsx'];
/** Where the last file checked is kept across reloads: its name and its bytes in base64. */
const STORED = 'plancheck-page:file';
/** The name the form's data is checked under (a JSON document: the same reading as a loaded .json). */
export const FORM_FILE = '表单数据.json';

interface Stored {
  name: string;
  base64: string;
}

const data = pageData();
const lang: Lang = data.lang;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`plancheck: the page has no #${id}`);
  return found as T;
}

/** The last check, for the downloads. */
let last: { name: string; result: CheckResult } | undefined;

/**
 * Checks one file's bytes as `plancheck check NAME` checks the file: a new calendar and Checker each time, so that
 * the calendar years consulted (in the report's provenance) are this file's alone, as in a run of the command.
 */
async function check(name: string, bytes: Buffer): Promise<CheckResult> {
  chooseFile(name, bytes);
  const calendar = new WorkingDayCalendar(bundledHolidayYears());
  const result = await new Checker(data.packs, calendar).checkFiles([name]);
  result.errors = [];
  return result;
}

/** The report's body as `check --format html` writes it, without its script (the page wires the filter itself). */
function reportBody(html: string): string {
  const start = html.indexOf('<body>') + '<body>'.length;
  const end = html.lastIndexOf('<script>');
  return html.slice(start, end);
}

/** The filter of the report (report/check/html.ts's script), wired in the page: a checkbox shows or hides a status. */
function wireFilter(root: HTMLElement): void {
  const boxes = Array.from(root.querySelectorAll<HTMLInputElement>('nav.filter input[data-status]'));
  const apply = (): void => {
    const shown = new Map(boxes.map((box) => [box.getAttribute('data-status'), box.checked]));
    root.querySelectorAll<HTMLElement>('article.finding').forEach((a) => (a.hidden = !shown.get(a.getAttribute('data-status'))));
    root.querySelectorAll<HTMLElement>('section.chapter').forEach((c) => (c.hidden = !c.querySelector('article.finding:not([hidden])')));
  };
  boxes.forEach((box) => box.addEventListener('change', apply));
  apply();
}

function show(name: string, result: CheckResult): void {
  last = { name, result };
  const exit = checkExitStatus(result);
  const submission = result.submissions[0];
  const verdict = element('verdict');
  verdict.textContent = verdictText(exit, submission?.summary, lang);
  verdict.setAttribute('data-exit', String(exit));
  const report = element('report');
  report.innerHTML = reportBody(renderHtml(result, lang));
  wireFilter(report);
  element('downloads').hidden = false;
  form?.showProblems(submission?.error?.problems ?? []);
  // For scripts and tests: the findings of this file are shown.
  document.dispatchEvent(new CustomEvent('plancheck:checked', { detail: { exit } }));
}

/** A message of the page's own (a file that is no data file), in the verdict's place. */
function refuse(message: string): void {
  last = undefined;
  const verdict = element('verdict');
  verdict.textContent = message;
  verdict.setAttribute('data-exit', '2');
  element('report').innerHTML = '';
  element('downloads').hidden = true;
  document.dispatchEvent(new CustomEvent('plancheck:checked', { detail: { exit: 2 } }));
}

function store(name: string, bytes: Buffer): void {
  try {
    localStorage.setItem(STORED, JSON.stringify({ name, base64: bytes.toString('base64') } satisfies Stored));
  } catch {
    // Storage full or refused (a private window): the check goes on, only a reload loses it.
  }
}

/** The one way in: bytes under a file name, checked, shown and kept. */
export async function checkBytes(name: string, bytes: Buffer): Promise<void> {
  if (!DATA_ENDINGS.some((ending) => name.toLowerCase().endsWith(ending))) {
    refuse(`${name}: ${PAGE_WORDS.notData[lang]}`);
    return;
  }
  store(name, bytes);
  element('verdict').textContent = PAGE_WORDS.checking[lang];
  show(name, await check(name, bytes));
}

export async function onFile(file: File): Promise<void> {
  await checkBytes(file.name, Buffer.from(await file.arrayBuffer()));
}

/**
 * Data from the form: a plain object as a submission's YAML parses to, checked as a loaded .json file is (the same
 * schema, the same messages; each problem names its field, which the form places on it).
 */
export function onData(object: unknown): Promise<void> {
  return checkBytes(FORM_FILE, Buffer.from(`${JSON.stringify(object, null, 2)}\n`, 'utf8'));
}

function clear(): void {
  localStorage.removeItem(STORED);
  last = undefined;
  element<HTMLInputElement>('file').value = '';
  element('report').innerHTML = '';
  element('verdict').textContent = PAGE_WORDS.waiting[lang];
  element('verdict').removeAttribute('data-exit');
  element('downloads').hidden = true;
  form?.clear();
}

function download(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

function fillScope(): void {
  const level = element<HTMLSelectElement>('level');
  const year = element<HTMLSelectElement>('year');
  const chosen: Level = data.level ?? 'county';
  level.innerHTML = LEVELS.map((l) => `<option value="${l}"${l === chosen ? ' selected' : ''}>${LEVEL_LABELS[l][lang]}</option>`).join('');
  const from = Math.min(...data.packs.map((p) => p.years.from));
  const to = Math.max(...data.packs.map((p) => p.years.to));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const chosenYear = data.year ?? to;
  year.innerHTML = years.map((y) => `<option value="${y}"${y === chosenYear ? ' selected' : ''}>${y}</option>`).join('');
}

/** The form's handle, once it is mounted. */
interface PageForm {
  setData(data: unknown): void;
  showProblems(problems: readonly InputProblem[]): void;
  clear(): void;
}
let form: PageForm | undefined;

// ─── THE FORM MOUNTS HERE ───────────────────────────────────────────────────────────────────────────────────────
// src/page/form/index.ts: `form = mountForm(element('form'), { template, lang }, initialData, onData)`, the template
// built for the level and year chosen in #level and #year, and built again (the form mounted again) when they change.
// Its onChange is onData above: the form's data takes the path of a loaded file.
// ────────────────────────────────────────────────────────────────────────────────────────────────────────────────

function start(): void {
  fillScope();
  const input = element<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Emptied once read, so that choosing the same file again (saved again from Excel) checks it again.
    if (file) void onFile(file).finally(() => (input.value = ''));
  });
  element('clear').addEventListener('click', clear);
  element('download-report').addEventListener('click', () => {
    if (last) download(`${stem(last.name)}-检查报告.html`, renderHtml(last.result, lang), 'text/html;charset=utf-8');
  });
  const zone = document.body;
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    element('load').classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => element('load').classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    element('load').classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void onFile(file);
  });
  (window as unknown as { plancheckPage: unknown }).plancheckPage = { onData, onFile, checkBytes };
  const kept = localStorage.getItem(STORED);
  if (kept) {
    const { name, base64 } = JSON.parse(kept) as Stored;
    void checkBytes(name, Buffer.from(base64, 'base64'));
  }
}

start();
