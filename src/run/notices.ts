import { basename, extname } from 'node:path';
import type { WorkingDayCalendar } from '../calendar/working-days';
import { isUnknownYear } from '../calendar/working-days';
import { isExistingDate, type IsoDate } from '../core/dates';
import { fileNameKey, safeFileName } from '../core/file-name';
import { bi } from '../core/i18n';
import { byCodePoint } from '../core/order';
import { TOOL } from '../core/version';
import type { CalendarInfo, CheckResult, Finding, PackInfo, SubmissionResult } from '../findings/types';
import { collectFiles } from '../intake/files';
import type { InputProblem } from '../intake/problem';
import { parseMaxBytes, setMaxSubmissionBytes } from '../intake/read-file';
import type { Roster } from '../intake/roster';
import type { Bureau } from '../submission/types';
import { Checker } from './checker';
import { EXIT } from './exit';
import { loadRuleInputs, packFiles } from './inputs';
import { filingAgainst } from './review/roster';
import type { NotFiled, RosterReport } from './review/types';

/**
 * What `plancheck notices` does: every submission of a folder (with its subfolders, as `review` reads it) is checked,
 * and each one with a target that fails or lacks data gets a rectification notice (整改通知) listing exactly those
 * targets. With a roster, every bureau on it without a submission for a year of the folder gets a notice to file
 * (未报送), and a submission from a bureau not on it is flagged (名册外), matched as `review` matches them
 * (run/review/roster.ts). The command renders and writes them (cli/commands/notices.ts); this decides what they say.
 */

/** Working days a bureau is given to reply when `--reply-by` is not named. */
export const REPLY_WORKING_DAYS = 15;

/** What `notices` is asked: the command's flags as data. */
export interface NoticesRequest {
  /** Folders, read with their subfolders, or files. */
  paths: readonly string[];
  packs?: readonly string[];
  calendars?: readonly string[];
  /** The date to reply by (YYYY-MM-DD); when not given, REPLY_WORKING_DAYS working days after the reference date. */
  replyBy?: string;
  maxBytes?: string;
  /** The bureaus expected to file (read by intake/roster.ts `readRoster`): each one without a submission is told to file. */
  roster?: Roster;
}

/** By when a bureau must reply, and how that date was found. */
export interface ReplyDeadline {
  date: IsoDate;
  /** Named with `--reply-by`: no count behind it. */
  given: boolean;
  /** The reference date counted from: the latest `as_of` of the submissions evaluated (never the clock). */
  from?: IsoDate;
  workingDays?: number;
}

/** One bureau-year's notice: the targets it fails and those it lacks data for, in the packs' order. */
export interface RectificationNotice {
  kind: 'rectify';
  /** Its file name without extension: the bureau's name and the year, safe on Windows, unique in the run. */
  name: string;
  file: string;
  sha256: string;
  bureau: Bureau;
  year: number;
  asOf: IsoDate;
  failing: Finding[];
  missing: Finding[];
  /** With a roster that does not name the bureau (名册外): that roster, which the notice names. */
  offRoster?: RosterSource;
}

/** The roster a run was given, as a notice names it: its file and sha256. */
export interface RosterSource {
  file: string;
  sha256: string;
}

/** A bureau on the roster with no submission for a year of the folder (未报送): it must file that year's data. */
export interface FilingNotice {
  kind: 'not_filed';
  /** As RectificationNotice's: the bureau's name and the year, unique in the run. */
  name: string;
  bureau: Bureau;
  year: number;
  roster: RosterSource;
}

/** What one bureau-year is told: to rectify what its submission fails or lacks, or to file at all. */
export type BureauNotice = RectificationNotice | FilingNotice;

/** A submission that fails nothing and lacks nothing: no notice. */
export interface MetSubmission {
  file: string;
  bureau: Bureau;
  year: number;
}

export interface NoticesResult {
  tool: { name: string; version: string };
  packs: PackInfo[];
  calendars: CalendarInfo[];
  /** Absent only when no submission could be evaluated and no date was named. */
  reply?: ReplyDeadline;
  /** In the order of bureau, year, file: a bureau's notices to rectify and to file side by side. */
  notices: BureauNotice[];
  met: MetSubmission[];
  /** Submissions that could not be read: no notice can be made for them. */
  rejected: SubmissionResult[];
  /** Packs, calendars, paths that could not be read, a reply date that cannot be counted. */
  errors: InputProblem[];
  /** Said, not errors: two files of one bureau-year, whose notices are told apart by a number. */
  notes: InputProblem[];
  /** With a roster: who has not filed (each has a FilingNotice), who filed without being on it. */
  roster?: RosterReport;
}

/** What one notice is rendered from: the notice and what every page states about the run. */
export interface NoticeDocument {
  tool: NoticesResult['tool'];
  packs: PackInfo[];
  reply: ReplyDeadline;
  notice: BureauNotice;
}

export interface NoticesPlan {
  /** Every file the run reads: no notice may be written over one. */
  inputs: string[];
  notes: InputProblem[];
  problems: InputProblem[];
  ready: boolean;
  run(): Promise<NoticesResult>;
}

function replyByProblems(date: string | undefined): InputProblem[] {
  if (date === undefined || isExistingDate(date)) return [];
  const expected = bi('存在的日期,写成年-月-日,如 2025-03-31', 'a date that exists, written YYYY-MM-DD, such as 2025-03-31');
  const zh = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `回复期限 --reply-by 的日期 ${date} 不存在` : `回复期限 --reply-by 应为年-月-日格式的日期,收到“${date}”`;
  const en = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `--reply-by: the date ${date} does not exist` : `--reply-by takes a date, YYYY-MM-DD; got "${date}"`;
  return [{ file: '--reply-by', message: bi(zh, en), expected }];
}

/**
 * The reply date: the one named, else REPLY_WORKING_DAYS working days after the latest `as_of` of the run. The
 * latest `as_of` is when the last of the data was compiled, so the same folder gives the same date on any day.
 */
function replyDeadline(given: string | undefined, evaluated: readonly SubmissionResult[], calendar: WorkingDayCalendar, problems: InputProblem[]): ReplyDeadline | undefined {
  if (given !== undefined) return { date: given, given: true };
  const dates = evaluated.flatMap((s) => (s.asOf ? [s.asOf] : [])).sort(byCodePoint);
  const from = dates[dates.length - 1];
  if (from === undefined) return undefined;
  const counted = calendar.addWorkingDays(from, REPLY_WORKING_DAYS);
  if (isUnknownYear(counted)) {
    problems.push({
      file: '--reply-by',
      message: bi(
        `回复期限为数据截止日 ${from} 之后第 ${REPLY_WORKING_DAYS} 个工作日,但内置日历没有 ${counted.unknownYear} 年的节假日安排;请用 --calendar 提供该年的安排,或用 --reply-by 直接写明回复期限`,
        `The reply date is the ${REPLY_WORKING_DAYS}th working day after the data's date ${from}, but no calendar of ${counted.unknownYear} is loaded; give one with --calendar, or name the date with --reply-by`,
      ),
    });
    return undefined;
  }
  return { date: counted.date, given: false, from, workingDays: REPLY_WORKING_DAYS };
}

function bureauWords(submission: SubmissionResult): string {
  return submission.bureau?.name ?? basename(submission.file, extname(submission.file));
}

/** A notice before its file name is chosen: whom and which year it concerns (its order), and how to make it. */
interface UnnamedNotice {
  bureau: string;
  year: number;
  /** The submission it answers; none for a notice to file. */
  file?: string;
  make(name: string): BureauNotice;
}

function rectifying(s: SubmissionResult, offRoster: RosterSource | undefined): UnnamedNotice {
  const make = (name: string): RectificationNotice => ({
    kind: 'rectify',
    name,
    file: s.file,
    sha256: s.sha256 as string,
    bureau: s.bureau as Bureau,
    year: s.year as number,
    asOf: s.asOf as IsoDate,
    failing: s.findings.filter((f) => f.status === 'fail'),
    missing: s.findings.filter((f) => f.status === 'missing_data'),
    ...(offRoster ? { offRoster } : {}),
  });
  return { bureau: bureauWords(s), year: s.year as number, file: s.file, make };
}

function filingOf(n: NotFiled, roster: RosterSource): UnnamedNotice {
  const bureau: Bureau = { name: n.bureau, level: n.level, ...(n.region_code ? { region_code: n.region_code } : {}) };
  return { bureau: n.bureau, year: n.year, make: (name) => ({ kind: 'not_filed', name, bureau, year: n.year, roster }) };
}

/** Notices in the order of bureau, year, file; names made unique (a bureau-year filed twice gets -2, -3…). */
function noticesOf(evaluated: readonly SubmissionResult[], filing: RosterReport | undefined, notes: InputProblem[]): BureauNotice[] {
  const roster = filing ? { file: filing.file, sha256: filing.sha256 } : undefined;
  const off = new Set(filing?.offRoster.flatMap((o) => o.files) ?? []);
  const concerned = evaluated.filter((s) => s.summary.fail > 0 || s.summary.missing_data > 0).map((s) => rectifying(s, off.has(s.file) ? roster : undefined));
  const toFile = filing && roster ? filing.notFiled.map((n) => filingOf(n, roster)) : [];
  const all = [...concerned, ...toFile].sort((a, b) => byCodePoint(a.bureau, b.bureau) || a.year - b.year || byCodePoint(a.file ?? '', b.file ?? ''));
  // Each name taken, with the submission of its notice (none for a notice to file).
  const taken = new Map<string, { file?: string; name: string }>();
  return all.map((u) => {
    const base = safeFileName(`${u.bureau}-${u.year}`);
    let name = base;
    for (let n = 2; taken.has(fileNameKey(name)); n++) name = `${base}-${n}`;
    const first = taken.get(fileNameKey(base));
    if (first !== undefined && u.file !== undefined) {
      // A roster bureau not filed and a submission of the same name: the codes differ, or it would have been filed.
      const said = first.file
        ? bi(`与 ${first.file} 是同一单位同一年度的报送,各写一份通知:本份为 ${name}`, `the same bureau and year as ${first.file}; each gets a notice, this one ${name}`)
        : bi(`与名册中未报送的同名单位(催报通知 ${first.name})行政区划代码不同,各写一份通知:本份为 ${name}`, `same name as a bureau on the roster that has not filed (notice to file ${first.name}) but another region code; each gets a notice, this one ${name}`);
      notes.push({ file: u.file, message: said });
    }
    taken.set(fileNameKey(name), { ...(u.file !== undefined ? { file: u.file } : {}), name });
    return u.make(name);
  });
}

/** The years of the folder: those of the submissions read, in order; a roster bureau is expected in each. */
function yearsOf(evaluated: readonly SubmissionResult[]): number[] {
  return [...new Set(evaluated.flatMap((s) => (s.year === null ? [] : [s.year])))].sort((a, b) => a - b);
}

/** Loads the packs and calendars and finds the submissions: a run of `notices` before it evaluates. */
export function prepareNotices(request: NoticesRequest): NoticesPlan {
  const problems: InputProblem[] = [];
  const sizeLimit: InputProblem[] = [];
  setMaxSubmissionBytes(parseMaxBytes(request.maxBytes, sizeLimit));
  const calendars = request.calendars ?? [];
  const { packs, calendar } = loadRuleInputs(request.packs ?? [], calendars, problems);
  const { files, problems: pathProblems, notes } = collectFiles(request.paths, true);
  const refused = [...sizeLimit, ...replyByProblems(request.replyBy)];
  problems.push(...pathProblems, ...refused);
  return {
    inputs: [...files, ...packFiles(packs), ...calendars, ...(request.roster ? [request.roster.file] : [])],
    notes,
    problems,
    ready: packs.length > 0 && refused.length === 0,
    async run() {
      const checker = new Checker(packs, calendar);
      const checked: CheckResult = await checker.checkFiles(files);
      const evaluated = checked.submissions.filter((s) => !s.error);
      const errors = [...problems];
      const reply = replyDeadline(request.replyBy, evaluated, calendar, errors);
      const said: InputProblem[] = [];
      // Without level or region filters, every bureau of the roster is expected in every year of the folder.
      const filing = request.roster ? filingAgainst(request.roster, evaluated, yearsOf(evaluated), { levels: [], regions: [] }) : undefined;
      return {
        tool: { name: TOOL.name, version: TOOL.version },
        packs: checked.packs,
        calendars: calendar.consultedYears(),
        ...(reply ? { reply } : {}),
        notices: noticesOf(evaluated, filing, said),
        met: evaluated.filter((s) => s.summary.fail === 0 && s.summary.missing_data === 0).map((s) => ({ file: s.file, bureau: s.bureau as Bureau, year: s.year as number })),
        rejected: checked.submissions.filter((s) => s.error),
        errors,
        notes: said,
        ...(filing ? { roster: filing } : {}),
      };
    },
  };
}

/** Each notice with what its pages state about the run; none when the reply date could not be found. */
export function noticeDocuments(result: NoticesResult): NoticeDocument[] {
  const { reply } = result;
  if (!reply) return [];
  return result.notices.map((notice) => ({ tool: result.tool, packs: result.packs, reply, notice }));
}

/**
 * The exit status, as review's: 2 when an input could not be read or a notice not written (`written`), else 1 when
 * a bureau fails a target or a bureau on the roster has not filed, else 3 when one lacks data, else 0.
 */
export function noticesExitStatus(result: NoticesResult, written: readonly InputProblem[] = []): number {
  if (result.errors.length > 0 || result.rejected.length > 0 || written.length > 0) return EXIT.invalidInput;
  if (result.notices.some((n) => n.kind === 'not_filed' || n.failing.length > 0)) return EXIT.failures;
  return result.notices.length > 0 ? EXIT.missingData : EXIT.ok;
}

export interface NoticesOutcome {
  result?: NoticesResult;
  exitStatus: number;
  notes: InputProblem[];
  problems: InputProblem[];
}

/** `notices` as a library function: what the notices would say and the exit status, nothing written. */
export async function notices(request: NoticesRequest): Promise<NoticesOutcome> {
  const plan = prepareNotices(request);
  if (!plan.ready) return { exitStatus: EXIT.invalidInput, notes: plan.notes, problems: plan.problems };
  const result = await plan.run();
  return { result, exitStatus: noticesExitStatus(result), notes: [...plan.notes, ...result.notes], problems: result.errors };
}
