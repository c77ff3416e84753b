import { bi, type Bilingual } from '../core/i18n';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import type { InputProblem } from '../intake/problem';
import type { ParsedDocument } from '../intake/format';
import { reportingPeriodProblems } from './reporting-period';
import { fieldLabel, labelOf } from './field-labels';
import type { SubmissionData } from './types';
import { comparePositions } from '../core/place';

type Place = (path: FieldPath, message: Bilingual, expected?: Bilingual) => InputProblem;

/** The field's label in both languages: 执法决定第 2 条的公开日期 / Enforcement decision 2, published on. */
function labelled(path: FieldPath): Bilingual {
  return bi(fieldLabel(path, 'zh'), fieldLabel(path, 'en'));
}

/** Lists whose records are named by `id` in findings: an id given twice would make evidence ambiguous. */
const RECORD_LISTS: ReadonlyArray<readonly [string, string]> = [
  ['normative_documents', 'items'],
  ['major_decisions', 'items'],
  ['enforcement', 'decisions'],
  ['transparency', 'proactive_disclosures'],
  ['transparency', 'disclosure_requests'],
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
      else {
        const path = [section, list, index, 'id'];
        const label = labelled(path);
        problems.push(place(path, bi(`${label.zh} ${String(record.id)} 重复(第 ${seenAt + 1} 条已用过)`, `${label.en}: ${String(record.id)} is used twice (first by record ${seenAt + 1})`), bi('同一列表中各条互不相同的编号', 'an id unique within its list')));
      }
    });
  }
  return problems;
}

function datesInOrder(data: SubmissionData, place: Place): InputProblem[] {
  const problems: InputProblem[] = [];
  records(data, 'major_decisions', 'items').forEach((decision, index) => {
    const period = decision.public_consultation as { from?: string; to?: string } | undefined;
    if (period?.from && period.to && period.to < period.from) {
      const path = ['major_decisions', 'items', index, 'public_consultation', 'to'];
      const [to, from] = [labelled(path), labelOf('major_decisions.items[].public_consultation.from')?.zh ?? 'from'];
      problems.push(place(path, bi(`${to.zh} ${period.to} 早于${from} ${period.from}`, `${to.en}: ${period.to} is before the notice was published (${period.from})`), bi(`不早于 ${period.from} 的日期`, `a date on or after ${period.from}`)));
    }
  });
  records(data, 'enforcement', 'decisions').forEach((decision, index) => {
    const decided = decision.decided_on as string | undefined;
    const published = decision.published_on as string | undefined;
    if (decided && published && published < decided) {
      const path = ['enforcement', 'decisions', index, 'published_on'];
      const label = labelled(path);
      problems.push(place(path, bi(`${label.zh} ${published} 早于决定日期 ${decided}`, `${label.en}: ${published} is before the decision of ${decided}`), bi(`不早于 ${decided} 的日期`, `a date on or after ${decided}`)));
    }
  });
  problems.push(...recordDatesInOrder(data, place));
  return problems;
}

/** Two dates of one record that must come in order (a later one named by `after`), with the earlier one's field. */
const DATE_PAIRS: ReadonlyArray<{ list: readonly [string, string]; group?: string; before: string; after: string }> = [
  { list: ['transparency', 'proactive_disclosures'], before: 'formed_on', after: 'published_on' },
  { list: ['transparency', 'disclosure_requests'], before: 'received_on', after: 'answered_on' },
  { list: ['transparency', 'disclosure_requests'], before: 'received_on', after: 'extended_until' },
  { list: ['major_decisions', 'items'], group: 'legality_review_period', before: 'requested_on', after: 'given_on' },
];

/** A publication before the information was formed, an answer before the request came: a mistake in the file. */
function recordDatesInOrder(data: SubmissionData, place: Place): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const { list, group, before, after } of DATE_PAIRS) {
    records(data, ...list).forEach((record, index) => {
      const holder = (group ? record[group] : record) as Record<string, unknown> | undefined;
      const [early, late] = [holder?.[before], holder?.[after]];
      if (typeof early !== 'string' || typeof late !== 'string' || late >= early) return;
      const base: FieldPath = [...list, index, ...(group ? [group] : [])];
      // The later date by its place (申请第 1 条的答复日期), the earlier by its own name: it is the same record's.
      const later = labelled([...base, after]);
      const earlier = labelOf(`${list.join('.')}[].${group ? `${group}.` : ''}${before}`) ?? bi(before, before);
      problems.push(place([...base, after], bi(`${later.zh} ${late} 早于${earlier.zh} ${early}`, `${later.en}: ${late} is earlier than ${earlier.en.toLowerCase()}, ${early}`), bi(`不早于 ${early} 的日期`, `a date on or after ${early}`)));
    });
  }
  return problems;
}

function countsInOrder(data: SubmissionData, place: Place): InputProblem[] {
  const enforcement = data.enforcement as { officers_total?: number; officers_certified?: number } | undefined;
  if (enforcement?.officers_total !== undefined && enforcement.officers_certified !== undefined && enforcement.officers_certified > enforcement.officers_total) {
    const [certified, total] = [labelled(['enforcement', 'officers_certified']), labelled(['enforcement', 'officers_total'])];
    return [place(['enforcement', 'officers_certified'], bi(`${certified.zh} ${enforcement.officers_certified} 超过${total.zh} ${enforcement.officers_total}`, `${certified.en}: ${enforcement.officers_certified} is more than the ${enforcement.officers_total} officers in all`), bi(`不超过 ${enforcement.officers_total}`, `at most ${enforcement.officers_total}`))];
  }
  return [];
}

function asOfInYear(data: SubmissionData, place: Place): InputProblem[] {
  const asOf = data.as_of as string | undefined;
  const year = data.year as number;
  if (asOf && asOf < `${year}-01-01`) {
    const label = labelled(['as_of']);
    return [place(['as_of'], bi(`${label.zh} ${asOf} 早于报告年度 ${year} 的开始`, `${label.en}: ${asOf} is before the reporting year ${year} begins`), bi(`${year}-01-01 或之后的日期`, `a date on or after ${year}-01-01`))];
  }
  return [];
}

/** What the schema cannot say: duplicate ids, dates out of order, counts that contradict each other. */
export function consistencyProblems(data: SubmissionData, parsed: ParsedDocument): InputProblem[] {
  // Every message here names its field by its label, so the problem carries the label (see InputProblem).
  const place: Place = (path, message, expected) => ({ file: parsed.file, at: parsed.locate(path), field: formatFieldPath(path), label: labelled(path), message, ...(expected ? { expected } : {}) });
  const problems = [...duplicateIds(data, place), ...datesInOrder(data, place), ...countsInOrder(data, place), ...asOfInYear(data, place), ...reportingPeriodProblems(data, place)];
  // In the order of the file, as the schema's problems are: a clerk fixes them top to bottom.
  return problems.sort((a, b) => comparePositions(a.at, b.at));
}
