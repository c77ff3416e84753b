import { bi, type Bilingual } from '../i18n';
import { formatFieldPath, type FieldPath } from '../input/field-path';
import type { InputProblem } from '../input/problem';
import type { ParsedFile } from '../input/yaml-file';
import type { SubmissionData } from './types';

type Place = (path: FieldPath, message: Bilingual, expected?: Bilingual) => InputProblem;

/** Lists whose records are named by `id` in findings: an id given twice would make evidence ambiguous. */
const RECORD_LISTS: ReadonlyArray<readonly [string, string]> = [
  ['normative_documents', 'items'],
  ['major_decisions', 'items'],
  ['enforcement', 'decisions'],
];

function records(data: SubmissionData, section: string, list: string): Record<string, unknown>[] {
  const value = (data[section] as Record<string, unknown> | undefined)?.[list];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

function duplicateIds(data: SubmissionData, place: Place): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [section, list] of RECORD_LISTS) {
    const first = new Map<unknown, number>();
    records(data, section, list).forEach((record, index) => {
      const seenAt = first.get(record.id);
      if (seenAt === undefined) first.set(record.id, index);
      else problems.push(place([section, list, index, 'id'], bi(`记录编号 ${String(record.id)} 重复(第 ${seenAt + 1} 条已用过)`, `The record id ${String(record.id)} is used twice (first by record ${seenAt + 1})`), bi('同一列表中唯一的编号', 'an id unique within its list')));
    });
  }
  return problems;
}

function datesInOrder(data: SubmissionData, place: Place): InputProblem[] {
  const problems: InputProblem[] = [];
  records(data, 'major_decisions', 'items').forEach((decision, index) => {
    const period = decision.public_consultation as { from?: string; to?: string } | undefined;
    if (period?.from && period.to && period.to < period.from) {
      problems.push(place(['major_decisions', 'items', index, 'public_consultation', 'to'], bi(`征求意见截止日 ${period.to} 早于开始日 ${period.from}`, `The comment period ends (${period.to}) before it starts (${period.from})`), bi(`不早于 ${period.from} 的日期`, `a date on or after ${period.from}`)));
    }
  });
  records(data, 'enforcement', 'decisions').forEach((decision, index) => {
    const decided = decision.decided_on as string | undefined;
    const published = decision.published_on as string | undefined;
    if (decided && published && published < decided) {
      problems.push(place(['enforcement', 'decisions', index, 'published_on'], bi(`公开日期 ${published} 早于决定日期 ${decided}`, `Published on ${published}, before the decision of ${decided}`), bi(`不早于 ${decided} 的日期`, `a date on or after ${decided}`)));
    }
  });
  return problems;
}

function countsInOrder(data: SubmissionData, place: Place): InputProblem[] {
  const enforcement = data.enforcement as { officers_total?: number; officers_certified?: number } | undefined;
  if (enforcement?.officers_total !== undefined && enforcement.officers_certified !== undefined && enforcement.officers_certified > enforcement.officers_total) {
    return [place(['enforcement', 'officers_certified'], bi(`持证人数 ${enforcement.officers_certified} 超过执法人员总数 ${enforcement.officers_total}`, `${enforcement.officers_certified} certified officers is more than the ${enforcement.officers_total} officers in all`), bi(`不超过 ${enforcement.officers_total}`, `at most ${enforcement.officers_total}`))];
  }
  return [];
}

function asOfInYear(data: SubmissionData, place: Place): InputProblem[] {
  const asOf = data.as_of as string | undefined;
  const year = data.year as number;
  if (asOf && asOf < `${year}-01-01`) {
    return [place(['as_of'], bi(`数据截止日 ${asOf} 早于报告年度 ${year} 的开始`, `as_of ${asOf} is before the reporting year ${year} begins`), bi(`${year}-01-01 或之后的日期`, `a date on or after ${year}-01-01`))];
  }
  return [];
}

/** What the schema cannot say: duplicate ids, dates out of order, counts that contradict each other. */
export function consistencyProblems(data: SubmissionData, parsed: ParsedFile): InputProblem[] {
  const place: Place = (path, message, expected) => ({ file: parsed.file, ...parsed.locate(path), field: formatFieldPath(path), message, ...(expected ? { expected } : {}) });
  return [...duplicateIds(data, place), ...datesInOrder(data, place), ...countsInOrder(data, place), ...asOfInYear(data, place)];
}
