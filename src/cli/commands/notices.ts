import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bi, type Lang } from '../../core/i18n';
import { isInputError, type InputProblem } from '../../intake/problem';
import { DEFAULT_CHROMIUM, noticePdfRenderer, noticeRenderer, openNoticePrinter } from '../../report/notice';
import { offRosterLine } from '../../report/review/overview';
import { EXIT } from '../../run/exit';
import { noticeDocuments, noticesExitStatus, prepareNotices, type NoticeDocument, type NoticesResult } from '../../run/notices';
import type { CliIo } from '../io';
import { writeProblem } from '../outputs';
import { problemLine } from '../problem-line';
import { rosterOf } from '../roster';
import { assertNotAnInput, OutputTransaction, OutputWriteError, resolveTarget, type OutputTarget } from '../write-output';

export interface NoticesOptions {
  out: string;
  replyBy?: string;
  roster?: string;
  /** False with `--no-pdf`. */
  pdf: boolean;
  /** DEFAULT_CHROMIUM unless named. */
  chromium?: string;
  pack: string[];
  calendar: string[];
  maxBytes?: string;
  lang: Lang;
}

/** The folder the notices go to: a folder, or a path to make one at; never a file. */
function outFolderProblems(out: string): InputProblem[] {
  if (existsSync(out) && !statSync(out).isDirectory()) {
    return [{ file: out, message: bi('--out 应为存放通知的文件夹,这里是一个文件', '--out takes the folder the notices go to; this is a file') }];
  }
  return [];
}

/** Which Chromium prints the PDFs: the one named (which must run), the default where it is installed, or none. */
function choosePrinter(options: NoticesOptions, problems: InputProblem[], io: CliIo): string | undefined {
  if (!options.pdf) return undefined;
  // Commander gives the default when none is named: only another path is the user's own, and must run.
  const chromium = options.chromium ?? DEFAULT_CHROMIUM;
  const named = chromium === DEFAULT_CHROMIUM ? undefined : chromium;
  try {
    accessSync(chromium, constants.X_OK);
    return chromium;
  } catch {
    if (named !== undefined) {
      problems.push({ file: '--chromium', message: bi(`找不到可以运行的 Chromium:${named}`, `No Chromium that can run at ${named}`), expected: bi('Chromium 可执行文件的路径,如 /usr/bin/chromium', 'the path of a Chromium executable, e.g. /usr/bin/chromium') });
    } else {
      const said = bi(`未找到 Chromium(${DEFAULT_CHROMIUM}),只写网页版通知;要 PDF 版请用 --chromium 指明 Chromium 的位置`, `Chromium not found (${DEFAULT_CHROMIUM}): writing the notices as web pages only; name a Chromium with --chromium for the PDFs`);
      io.stderr(`plancheck: ${said[options.lang]}\n`);
    }
    return undefined;
  }
}

interface PlannedNotice {
  doc: NoticeDocument;
  html: OutputTarget;
  pdf?: OutputTarget;
}

/** Each notice's files in the folder, checked before anything is written: none may be an input of the run. */
function planFiles(docs: readonly NoticeDocument[], out: string, pdf: boolean, inputs: readonly string[], problems: InputProblem[]): PlannedNotice[] {
  const target = (path: string): OutputTarget | undefined => {
    try {
      assertNotAnInput(path, inputs);
      return resolveTarget(path);
    } catch (error) {
      if (!isInputError(error)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  return docs.flatMap((doc) => {
    const html = target(join(out, `${doc.notice.name}.html`));
    const printed = pdf ? target(join(out, `${doc.notice.name}.pdf`)) : undefined;
    if (!html || (pdf && !printed)) return [];
    return [{ doc, html, ...(printed ? { pdf: printed } : {}) }];
  });
}

/**
 * `plancheck notices DIR... --out FOLDER`: one notice per bureau-year with a target that fails or lacks data, as a
 * page and (with Chromium) a PDF, written together: every file whole, or none replaced (cli/write-output.ts).
 */
export async function runNotices(paths: readonly string[], options: NoticesOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const own: InputProblem[] = [];
  // A bad roster is refused with review's messages, before anything is evaluated.
  const roster = options.roster !== undefined ? await rosterOf(options.roster, own) : undefined;
  const plan = prepareNotices({ paths, packs: options.pack, calendars: options.calendar, replyBy: options.replyBy, maxBytes: options.maxBytes, ...(roster ? { roster } : {}) });
  for (const note of plan.notes) io.stderr(problemLine(note, lang));
  own.push(...outFolderProblems(options.out));
  const chromium = choosePrinter(options, own, io);
  if (!plan.ready || own.length > 0) {
    for (const problem of [...plan.problems, ...own]) io.stderr(problemLine(problem, lang));
    return EXIT.invalidInput;
  }
  const result = await plan.run();
  for (const note of result.notes) io.stderr(problemLine(note, lang));
  for (const problem of [...result.errors, ...result.rejected.flatMap((s) => s.error?.problems ?? [])]) io.stderr(problemLine(problem, lang));
  const docs = noticeDocuments(result);
  const refused: InputProblem[] = [];
  const planned = planFiles(docs, options.out, chromium !== undefined, plan.inputs, refused);
  for (const problem of refused) io.stderr(problemLine(problem, lang));
  if (refused.length > 0) return EXIT.invalidInput;
  const written = planned.length > 0 ? await writeNotices(planned, chromium, lang, io) : [];
  if (written.length === 0) io.stdout(summaryText(result, chromium !== undefined, options.out, lang));
  return noticesExitStatus(result, written);
}

async function writeNotices(planned: readonly PlannedNotice[], chromium: string | undefined, lang: Lang, io: CliIo): Promise<InputProblem[]> {
  const html = noticeRenderer('html');
  const transaction = new OutputTransaction(io.stdout);
  let printer: Awaited<ReturnType<typeof openNoticePrinter>> | undefined;
  try {
    if (chromium) printer = await openNoticePrinter(chromium);
    const pdf = printer ? noticePdfRenderer(printer) : undefined;
    for (const notice of planned) {
      await transaction.stage(notice.html, () => html(notice.doc, lang));
      if (notice.pdf && pdf) await transaction.stage(notice.pdf, () => pdf(notice.doc, lang));
    }
    await transaction.commit();
    return [];
  } catch (error) {
    transaction.abort();
    const problem = failureProblem(error, planned.length > 1 || chromium !== undefined, lang);
    io.stderr(problemLine(problem, lang));
    return [problem];
  } finally {
    await printer?.close();
  }
}

/** A notice not written: the file and the cause (the disk, or Chromium), and that no old file was replaced. */
function failureProblem(error: unknown, several: boolean, lang: Lang): InputProblem {
  if (error instanceof OutputWriteError) return writeProblem(error, lang, several);
  if (error instanceof Error && error.name === 'PdfPrintError') {
    const { zh, en } = error as Error & { zh: string; en: string };
    return { file: '--chromium', message: bi(`${zh};本次运行的通知都没有写出,原有文件保持原样`, `${en}; none of this run's notices was written, the existing files are unchanged`) };
  }
  throw error;
}

/**
 * What the run wrote, on standard output: how many notices, how many submissions needed none, how many could not be
 * read; with a roster, how many of the notices tell a bureau to file, and each bureau off the roster on its own line.
 */
function summaryText(result: NoticesResult, pdf: boolean, out: string, lang: Lang): string {
  const count = result.notices.length;
  const met = result.met.length;
  const rejected = result.rejected.length;
  const toFile = result.notices.filter((n) => n.kind === 'not_filed').length;
  const kinds = result.roster ? { zh: `:整改通知 ${count - toFile} 份,催报通知 ${toFile} 份`, en: `: ${count - toFile} to rectify, ${toFile} to file` } : { zh: '', en: '' };
  const zh = [`已写出 ${count} 份${result.roster ? '' : '整改'}通知${pdf ? '(网页和 PDF 各一份)' : '(网页)'}到 ${out}${kinds.zh}`, `${met} 份报送全部达标、不缺数据,无需通知`];
  const en = [`${count} ${result.roster ? '' : 'rectification '}notice${count === 1 ? '' : 's'} written to ${out}${pdf ? ' (a web page and a PDF each)' : ' (web pages)'}${kinds.en}`, `${met} submission${met === 1 ? '' : 's'} meet every target with no data missing: no notice`];
  if (rejected > 0) {
    zh.push(`${rejected} 份无法读取,未写通知`);
    en.push(`${rejected} could not be read: no notice`);
  }
  const roster = result.roster;
  if (roster) {
    const off = roster.offRoster.length;
    zh.push(`名册 ${roster.bureaus} 个单位,未报送 ${roster.notFiled.length} 个单位年度,名册外 ${off} 个单位`);
    en.push(`roster of ${roster.bureaus} bureau${roster.bureaus === 1 ? '' : 's'}: ${roster.notFiled.length} bureau-year${roster.notFiled.length === 1 ? '' : 's'} not filed, ${off} bureau${off === 1 ? '' : 's'} not on it`);
  }
  const offLines = (roster?.offRoster ?? []).map((o) => `  ⚠ ${offRosterLine(o, lang)}\n`);
  return `${lang === 'zh' ? zh.join(';') : en.join('; ')}\n${offLines.join('')}`;
}
