import { loadCalendar } from '../calendar/holiday-notices';
import type { WorkingDayCalendar } from '../calendar/working-days';
import { outsideJurisdiction } from '../engine/applicability';
import { PackEngine } from '../engine/engine';
import { buildFinding } from '../findings/build';
import { emptySummary, summarize, type CheckResult, type Finding, type Notice, type PackInfo, type SubmissionError, type SubmissionResult } from '../findings/types';
import { isInputError, type InputProblem } from '../intake/problem';
import type { IntakeFormat, IntakeOptions } from '../intake/format';
import { fileSha256 } from '../intake/read-file';
import { packDocumentNumber } from '../pack/sources';
import type { RulePack } from '../pack/types';
import { loadSubmission } from '../submission/load';
import type { Submission } from '../submission/types';
import { TOOL } from '../core/version';
import { bi } from '../core/i18n';

export function submissionError(problems: readonly InputProblem[]): SubmissionError {
  const [first] = problems;
  return {
    message: first.message,
    ...(first.at ? { at: first.at } : {}),
    ...(first.field ? { field: first.field } : {}),
    ...(first.expected ? { expected: first.expected } : {}),
    problems: [...problems],
  };
}

/** The hash of a file that could not be loaded: null when it cannot be read, or is not read (a FIFO, a device, too large). */
function fileHash(file: string): string | null {
  return fileSha256(file);
}

export function packInfo(pack: RulePack): PackInfo {
  return { id: pack.id, version: pack.version, sha256: pack.sha256, title: pack.title, document_number: packDocumentNumber(pack), ...(pack.document_number_source ? { document_number_source: pack.document_number_source } : {}), chapters: pack.chapters ?? [] };
}

/** A template's blank `name:` (submission/load.ts): the findings are made, but a reader must know whose they are. */
const BUREAU_NAME_MISSING = bi('单位名称未填写:请在 bureau 下的 name 写上单位全称;报告暂以文件名代替单位名称', "The bureau's name is not filled in: write its full name at bureau.name; the reports name the file instead");
/** The same for a draft from a prose report, which has no form to fill in: the report does not name the bureau. */
const BUREAU_NAME_UNSTATED = bi('报告未载明单位名称:检查结果暂以文件名代替单位名称', "The report does not state the bureau's name: the results name the file instead");

/** Evaluates submissions against one or more packs; each pack is compiled into its engine once. */
export class Checker {
  private readonly engines: PackEngine[];

  constructor(
    readonly packs: readonly RulePack[],
    readonly calendar: WorkingDayCalendar = loadCalendar(),
    /**
     * How submissions are read: places on demand unless told otherwise (the quick reading gives the same data,
     * places and messages; tests/yaml-quick.test.ts compares the two ways).
     */
    private readonly intake: IntakeOptions = { placesOnDemand: true },
    /** Formats of this run besides the registry's (a library caller's own), read before them: see loadSubmission. */
    private readonly formats: readonly IntakeFormat[] = [],
  ) {
    this.engines = packs.map((pack) => new PackEngine(pack, { calendar }));
  }

  /** One finding per rule of every pack, in the packs' order. */
  async evaluate(submission: Submission): Promise<SubmissionResult> {
    const findings: Finding[] = [];
    // How the file was read comes first: it concerns every pack's findings alike.
    const notices: Notice[] = [...submission.notices];
    if (submission.bureau.name === undefined) notices.push({ code: 'bureau_name_missing', message: submission.origin === 'report' ? BUREAU_NAME_UNSTATED : BUREAU_NAME_MISSING });
    for (const engine of this.engines) {
      for (const outcome of await engine.evaluate(submission)) findings.push(buildFinding(outcome, submission, engine.pack));
      const outside = outsideJurisdiction(engine.pack, submission);
      if (outside) notices.push({ code: 'outside_jurisdiction', message: outside });
    }
    const { bureau, year, asOf } = submission;
    return { file: submission.file, sha256: submission.sha256, bureau, year, asOf, summary: summarize(findings), findings, error: null, notices, ...(submission.origin ? { origin: submission.origin } : {}) };
  }

  /** Loads and evaluates one file; a user's mistake becomes the file's error, and the run goes on. */
  async checkFile(file: string): Promise<SubmissionResult> {
    let submission: Submission;
    try {
      submission = await loadSubmission(file, this.intake, this.formats);
    } catch (error) {
      if (!isInputError(error)) throw error;
      return { file, sha256: fileHash(file), bureau: null, year: null, asOf: null, summary: emptySummary(), findings: [], error: submissionError(error.problems), notices: [] };
    }
    return this.evaluate(submission);
  }

  async checkFiles(files: readonly string[]): Promise<CheckResult> {
    const submissions: SubmissionResult[] = [];
    for (const file of files) submissions.push(await this.checkFile(file));
    return {
      tool: { name: TOOL.name, version: TOOL.version },
      packs: this.packs.map(packInfo),
      submissions,
      calendars: this.calendar.consultedYears(),
      errors: [],
    };
  }
}

/** Evaluates one submission against packs: the library's one-call entry. */
export function evaluate(submission: Submission, packs: readonly RulePack[], calendar?: WorkingDayCalendar): Promise<SubmissionResult> {
  return new Checker(packs, calendar).evaluate(submission);
}
