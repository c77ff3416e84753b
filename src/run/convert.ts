import { compareExact, exactFromDecimal, exactOf } from '../core/exact-number';
import { bi } from '../core/i18n';
import type { FieldPath } from '../intake/field-path';
import type { ParsedDocument } from '../intake/format';
import { isInputError, type InputProblem } from '../intake/problem';
import type { RulePack } from '../pack/types';
import { loadWrittenSubmission } from '../submission/load';
import type { SubmissionData } from '../submission/types';
import { EXIT } from './exit';
import { filledTemplate, type Template } from './template';

/**
 * `plancheck convert` as a library function: one submission read in its format (YAML, JSON, a filled workbook),
 * checked against the schema as `check` reads it, and made into a filled template of the other format, every field
 * it writes kept, `source` included. Nothing is converted that would not read back as written: a submission the
 * schema refuses, or a number written with more digits than a workbook's cell holds, is exit 2 with its places.
 */

export interface ConvertRequest {
  file: string;
  packs?: readonly string[];
  /** The path the YAML's `$schema` line names, computed by the command for where the file is written. */
  schemaPath: string;
}

export interface ConvertOutcome {
  template?: Template;
  packs: RulePack[];
  exitStatus: number;
  problems: InputProblem[];
}

/**
 * Numbers written with more digits than a double keeps (`0.89999999999999999999`): a workbook's cell holds only the
 * double, so the value would not read back as written. Each is a problem at its place.
 */
function overlongNumbers(data: unknown, parsed: ParsedDocument, path: (string | number)[] = []): InputProblem[] {
  if (Array.isArray(data)) return data.flatMap((item, i) => overlongNumbers(item, parsed, [...path, i]));
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([key, value]) => overlongNumbers(value, parsed, [...path, key]));
  if (typeof data !== 'number' || parsed.plainNumbers) return [];
  const written = parsed.scalarSource(path as FieldPath);
  const decimal = written === undefined ? undefined : exactFromDecimal(written);
  if (written === undefined || decimal === undefined || compareExact(decimal, exactOf(data)) === 0) return [];
  return [
    {
      file: parsed.file,
      at: parsed.locate(path as FieldPath),
      message: bi(`数值 ${written} 的位数超出 Excel 单元格能保存的精度,转换后将不再是原数`, `The number ${written} has more digits than an Excel cell keeps: converted, it would no longer be the number written`),
      expected: bi('不超过 15 位有效数字的数,或写成百分比文字,如 "89.999%"', 'a number of at most 15 significant digits, or a percentage as text such as "89.999%"'),
    },
  ];
}

export async function convert(request: ConvertRequest): Promise<ConvertOutcome> {
  let written: SubmissionData;
  try {
    const read = await loadWrittenSubmission(request.file);
    written = read.written;
    const problems = overlongNumbers(written, read.parsed);
    if (problems.length > 0) return { packs: [], exitStatus: EXIT.invalidInput, problems };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { packs: [], exitStatus: EXIT.invalidInput, problems: [...error.problems] };
  }
  return filledTemplate({ packs: request.packs, data: written, from: request.file, schemaPath: request.schemaPath });
}
