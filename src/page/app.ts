/**
 * The self-check page's script: the library's own intake, engine and report renderer, run in the browser on the
 * data `plancheck page` embedded (host/embedded.ts). A file chosen or dropped, and the data of the form, take one
 * path: its bytes are read as the command line reads a file, checked by the same Checker, and drawn by the renderer
 * of `check --format html`, so that the page and `plancheck check FILE` say the same thing about the same file.
 */
// First: what older browsers lack, before any module of the library runs.
import './polyfills';
import { bundledHolidayYears } from '../calendar/holiday-notices';
import { WorkingDayCalendar } from '../calendar/working-days';
import type { Lang } from '../core/i18n';
import type { CheckResult } from '../findings/types';
import type { InputProblem } from '../intake/problem';
import { LEVELS, type Level } from '../pack/types';
import { LEVEL_LABELS } from '../pack/levels';
import { renderHtml } from '../report/check/html';
import { PAGE_WORDS, scopeText, verdictText } from '../report/page/words';
import type { Chunk, Rendered } from '../report/renderer';
import { templateRenderer, type TemplateFormat } from '../report/template';
import { Checker } from '../run/checker';
import { convert } from '../run/convert';
import { template, type Template } from '../run/template';
import { checkExitStatus } from '../run/exit';
import { parseSubmissionDocument } from '../intake/registry';
import { writtenDataOf } from '../submission/load';
import { mountForm, type FormHandle } from './form';
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
  return new Checker(data.packs, calendar).checkFiles([name]);
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
  // The data can be written in another format only when it reads (as `plancheck convert` refuses what does not).
  for (const id of ['download-yaml', 'download-xlsx']) element(id).hidden = submission?.error !== null;
  form?.showProblems(submission?.error?.problems ?? []);
  // For scripts and tests: the findings of this file are shown.
  document.dispatchEvent(new CustomEvent('plancheck:checked', { detail: { exit } }));
}

/** A message of the page's own (a file that is no data file, data that cannot be converted), in the verdict's place. */
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

/** The checks started, so that only the last one's findings are shown. */
let checks = 0;

/**
 * The one way in: bytes under a file name, checked, shown and kept. A file's data (a file chosen or dropped, or the
 * form's data kept from before a reload) is also shown in the form, so that it can be corrected there; data that
 * comes from the form is not drawn into it again, under the clerk's typing.
 */
export async function checkBytes(name: string, bytes: Buffer, from: 'file' | 'form' = 'file'): Promise<void> {
  if (!DATA_ENDINGS.some((ending) => name.toLowerCase().endsWith(ending))) {
    refuse(`${name}: ${PAGE_WORDS.notData[lang]}`);
    return;
  }
  store(name, bytes);
  element('verdict').textContent = PAGE_WORDS.checking[lang];
  const mine = ++checks;
  let result: CheckResult;
  try {
    result = await check(name, bytes);
  } catch (error) {
    // Not a mistake in the file (those are the result's error): a fault of the page, said rather than left spinning.
    if (mine === checks) refuse(`${PAGE_WORDS.failed[lang]}${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  // A file chosen while another was being checked (a workbook takes longer) is the one shown.
  if (mine !== checks) return;
  if (from === 'file') await fillForm(name, bytes);
  if (mine === checks) show(name, result);
}

export async function onFile(file: File): Promise<void> {
  await checkBytes(file.name, Buffer.from(await file.arrayBuffer()));
}

/**
 * Data from the form: a plain object as a submission's YAML parses to, checked as a loaded .json file is (the same
 * schema, the same messages; each problem names its field, which the form places on it).
 */
export function onData(object: unknown): Promise<void> {
  return checkBytes(FORM_FILE, Buffer.from(`${JSON.stringify(object, null, 2)}\n`, 'utf8'), 'form');
}

function clear(): void {
  localStorage.removeItem(STORED);
  last = undefined;
  element<HTMLInputElement>('file').value = '';
  element('report').innerHTML = '';
  element('verdict').textContent = PAGE_WORDS.waiting[lang];
  element('verdict').removeAttribute('data-exit');
  element('downloads').hidden = true;
  quietly(() => form?.clear());
}

/** A rendered report's chunks, gathered (a renderer may give them one by one, or later). */
async function chunksOf(rendered: Rendered | Promise<Rendered>): Promise<Chunk[]> {
  const whole = await rendered;
  if (typeof whole === 'string' || whole instanceof Uint8Array) return [whole];
  const chunks: Chunk[] = [];
  for await (const chunk of whole as AsyncIterable<Chunk>) chunks.push(chunk);
  return chunks;
}

function download(name: string, parts: readonly Chunk[], type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(parts.map((part) => (typeof part === 'string' ? part : new Uint8Array(part))), { type }));
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

const DATA_TYPES: Record<TemplateFormat, string> = { yaml: 'application/yaml;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/**
 * The data of the file last checked, as `plancheck convert NAME --to yaml|xlsx` writes it beside the page: the
 * library's convert, its template renderers, and the `$schema` path the command gave for the page's folder.
 */
async function downloadData(format: TemplateFormat): Promise<void> {
  if (!last) return;
  const outcome = await convert({ file: last.name, schemaPath: data.schemaPath });
  if (!outcome.template) {
    refuse(outcome.problems.map((problem) => problem.message[lang]).join(';'));
    return;
  }
  download(`${stem(last.name)}.${format}`, await chunksOf(templateRenderer(format)(outcome.template, lang)), DATA_TYPES[format]);
}

/**
 * The blank template of a level and year, as `plancheck template --level L --year Y` builds it beside the page:
 * what the form is drawn from. Undefined, with the problems, when no target applies.
 */
export function formTemplate(level: Level, year: number): { template?: Template; problems: readonly InputProblem[] } {
  const outcome = template({ level, year, schemaPath: data.schemaPath });
  return { template: outcome.template, problems: outcome.problems };
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

/** The form, once it is mounted; and the data it last gave. */
let form: FormHandle | undefined;
let formData: Record<string, unknown> | undefined;
/** True while the page itself fills the form (a loaded file's data, 清空): what the form then gives is not typed. */
let filling = false;

function quietly(fill: () => void): void {
  filling = true;
  try {
    fill();
  } finally {
    filling = false;
  }
}

/** The level and year chosen on the page (`--level`, `--year` preselect them). */
function chosenScope(): { level: Level; year: number } {
  return { level: element<HTMLSelectElement>('level').value as Level, year: Number(element<HTMLSelectElement>('year').value) };
}

/** The level and year a submission's data names, where the page offers them; else undefined. */
function scopeOf(data: unknown): { level: Level; year: number } | undefined {
  const record = (node: unknown): Record<string, unknown> | undefined => (node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined);
  const level = record(record(data)?.bureau)?.level;
  const year = record(data)?.year;
  const offered = (id: string, value: string): boolean => Array.from(element<HTMLSelectElement>(id).options).some((option) => option.value === value);
  if (typeof level !== 'string' || typeof year !== 'number' || !offered('level', level) || !offered('year', String(year))) return undefined;
  return { level: level as Level, year };
}

/** Chooses a level and year in the page's drop-downs. */
function choose(scope: { level: Level; year: number }): void {
  element<HTMLSelectElement>('level').value = scope.level;
  element<HTMLSelectElement>('year').value = String(scope.year);
}

/**
 * The form's data, as typed: checked as a loaded file is. When its level or year is changed in the form, the form
 * is drawn again for them (other targets apply), keeping what is typed.
 */
function onFormChange(object: Record<string, unknown>): void {
  formData = object;
  if (filling) return;
  const scope = scopeOf(object);
  const chosen = chosenScope();
  if (scope && (scope.level !== chosen.level || scope.year !== chosen.year) && formTemplate(scope.level, scope.year).template) {
    choose(scope);
    mountScopeForm(object);
    return;
  }
  void onData(object);
}

/**
 * The form of the chosen level and year (the template `plancheck template --level L --year Y` makes), filled from
 * `data`. Mounted quietly (a file's data, the page opened), the data is not checked again.
 */
function mountScopeForm(data?: unknown, quiet = false): void {
  const { level, year } = chosenScope();
  const { template: blank, problems } = formTemplate(level, year);
  element('scope-note').textContent = blank ? scopeText(LEVEL_LABELS[level], year, blank.ruleCount, lang) : problems.map((problem) => problem.message[lang]).join(';');
  if (!blank) {
    element('form').replaceChildren();
    form = undefined;
    return;
  }
  const mount = (): void => void (form = mountForm(element('form'), { template: blank, lang }, data, onFormChange));
  if (quiet) quietly(mount);
  else mount();
}

/** The data typed so far, for the level and year now chosen in the drop-downs. */
function withChosenScope(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  const { level, year } = chosenScope();
  const bureau = data.bureau !== null && typeof data.bureau === 'object' && !Array.isArray(data.bureau) ? data.bureau : {};
  return { ...data, bureau: { ...bureau, level }, year };
}

/**
 * A loaded file's data, shown in the form for its level and year: the data as the check reads it before the schema
 * (old names as the new ones, blanks dropped), so that a mistake is shown on its field. A file that does not read
 * at all (not YAML, a broken workbook) leaves the form as it was: the check says why.
 */
async function fillForm(name: string, bytes: Buffer): Promise<void> {
  let written: unknown;
  try {
    written = writtenDataOf(await parseSubmissionDocument(name, bytes));
  } catch {
    return;
  }
  const scope = scopeOf(written);
  if (scope) choose(scope);
  mountScopeForm(written, true);
}

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
    if (last) download(`${stem(last.name)}-检查报告.html`, [renderHtml(last.result, lang)], 'text/html;charset=utf-8');
  });
  element('download-yaml').addEventListener('click', () => void downloadData('yaml'));
  element('download-xlsx').addEventListener('click', () => void downloadData('xlsx'));
  // Opened with nothing kept, the form is drawn empty and nothing is checked until something is typed.
  const kept = localStorage.getItem(STORED);
  mountScopeForm(undefined, true);
  // What is typed stays when the level or year is changed; it is checked again if it was checked before.
  const rescope = (): void => mountScopeForm(withChosenScope(formData), last === undefined);
  element('level').addEventListener('change', rescope);
  element('year').addEventListener('change', rescope);
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
  (window as unknown as { plancheckPage: unknown }).plancheckPage = { onData, onFile, checkBytes, formTemplate };
  if (kept) {
    const { name, base64 } = JSON.parse(kept) as Stored;
    void checkBytes(name, Buffer.from(base64, 'base64'));
  }
}

start();
