import { isInputError, type InputProblem } from '../intake/problem';
import { readSubmissionBytes } from '../intake/read-file';
import { readReport, reportData, reportDocument, unnamed } from '../intake/report';
import type { RulePack } from '../pack/types';
import { writtenSubmissionOf } from '../submission/load';
import { scopeOf } from './catalogue';
import { EXIT } from './exit';
import { filledTemplate, type Template } from './template';

/**
 * `plancheck extract` as a library function: a bureau's prose report read (text, Word, PDF, web page), a draft
 * submission extracted from what it states, validated as a submission is, and made into a filled template that
 * writes only the stated fields, each with its sentence, and lists the rest. The bureau's level and the year may be
 * given where the report's title does not say them (they choose the fields the targets read).
 */

export interface ExtractRequest {
  file: string;
  packs?: readonly string[];
  schemaPath: string;
  /** Where the report does not name them, or names them otherwise than they are to be checked. */
  level?: string;
  year?: string;
}

export interface ExtractOutcome {
  template?: Template;
  packs: RulePack[];
  exitStatus: number;
  problems: InputProblem[];
}

function refused(problems: readonly InputProblem[]): ExtractOutcome {
  return { packs: [], exitStatus: EXIT.invalidInput, problems: [...problems] };
}

export async function extract(request: ExtractRequest): Promise<ExtractOutcome> {
  const problems: InputProblem[] = [];
  const scope = scopeOf({ level: request.level, year: request.year }, problems);
  if (problems.length > 0) return refused(problems);
  try {
    const report = await readReport(request.file, readSubmissionBytes(request.file));
    const draft = {
      ...report.draft,
      bureau: { ...report.draft.bureau, ...(scope.level ? { level: scope.level } : {}) },
      ...(scope.year !== undefined ? { year: scope.year } : {}),
    };
    const refusal = unnamed(request.file, draft);
    if (refusal) return refused(refusal.problems);
    const { written } = writtenSubmissionOf(reportDocument(request.file, { ...report, draft }, reportData(draft)));
    return filledTemplate({ packs: request.packs, data: written, from: request.file, schemaPath: request.schemaPath, notStated: draft.notFound });
  } catch (error) {
    if (!isInputError(error)) throw error;
    return refused(error.problems);
  }
}
