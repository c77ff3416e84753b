import { bi, type Bilingual } from '../core/i18n';
import type { FieldPath } from '../intake/field-path';
import type { InputProblem } from '../intake/problem';
import { fieldLabel } from './field-labels';
import type { SubmissionData } from './types';
import { SUBMISSION_FIELDS, type FieldNode } from './value-kinds';

export type Place = (path: FieldPath, message: Bilingual, expected?: Bilingual) => InputProblem;

/** Dates a bureau can mean: the People's Republic's own, up to the end of the century. */
const EARLIEST = '1949-10-01';
const LATEST = '2100-12-31';

type Row = Record<string, unknown>;

function rows(data: SubmissionData, section: string, list: string): Row[] {
  const value = (data[section] as Row | undefined)?.[list];
  return Array.isArray(value) ? (value as Row[]) : [];
}

function label(path: FieldPath): Bilingual {
  return bi(fieldLabel(path, 'zh'), fieldLabel(path, 'en'));
}

/** Every date field of the data outside `from`–`to`, with its path: the schema names which fields are dates. */
function datesOutside(data: unknown, from: string, to: string): [FieldPath, string][] {
  const found: [FieldPath, string][] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown, field: FieldNode): void => {
    if (field.kind === 'date') {
      if (typeof value === 'string' && (value < from || value > to)) found.push([[...path], value]);
    } else if (Array.isArray(value)) {
      const records = field.items();
      value.forEach((item, i) => {
        path.push(i);
        walk(item, records);
        path.pop();
      });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        path.push(key);
        walk((value as Record<string, unknown>)[key], field.child(key));
        path.pop();
      }
    }
  };
  walk(data, SUBMISSION_FIELDS);
  return found;
}

function plausibleDates(data: SubmissionData, place: Place): InputProblem[] {
  return datesOutside(data, EARLIEST, LATEST)
    .map(([path, date]) => {
      const name = label(path);
      return place(path, bi(`${name.zh} ${date} 不在可能的范围内(1949 年至 2100 年)`, `${name.en} ${date} is outside any plausible range (1949 to 2100)`), bi('1949-10-01 至 2100-12-31 之间的日期', 'a date from 1949-10-01 to 2100-12-31'));
    });
}

/**
 * Records belong to the reporting year, and nothing can have happened after the data was compiled: a decision
 * of another year, a consultation that does not touch the year, or a publication after `as_of` is a mistake in
 * the file (most often a copied record), not something to count.
 */
function recordsInYear(data: SubmissionData, place: Place): InputProblem[] {
  const year = data.year as number;
  const asOf = (data.as_of as string | undefined) ?? `${year}-12-31`;
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  const problems: InputProblem[] = [];
  const inYear = (path: FieldPath, date: unknown): void => {
    if (typeof date !== 'string' || (date >= first && date <= last)) return;
    const name = label(path);
    problems.push(place(path, bi(`${name.zh} ${date} 不在报告年度 ${year} 年内:本年度的报送只列本年度的记录`, `${name.en} ${date} is not in the reporting year ${year}: a year's submission lists that year's records only`), bi(`${first} 至 ${last} 之间的日期`, `a date from ${first} to ${last}`)));
  };
  const byAsOf = (path: FieldPath, date: unknown): void => {
    if (typeof date !== 'string' || date <= asOf) return;
    const name = label(path);
    problems.push(place(path, bi(`${name.zh} ${date} 晚于数据截止日 ${asOf}`, `${name.en} ${date} is after the data was compiled (${asOf})`), bi(`不晚于 ${asOf} 的日期,或改正数据截止日`, `a date on or before ${asOf}, or a later as_of`)));
  };
  rows(data, 'enforcement', 'decisions').forEach((decision, i) => {
    inYear(['enforcement', 'decisions', i, 'decided_on'], decision.decided_on);
    byAsOf(['enforcement', 'decisions', i, 'decided_on'], decision.decided_on);
    byAsOf(['enforcement', 'decisions', i, 'published_on'], decision.published_on);
  });
  rows(data, 'normative_documents', 'items').forEach((document, i) => inYear(['normative_documents', 'items', i, 'issued_on'], document.issued_on));
  rows(data, 'major_decisions', 'items').forEach((decision, i) => {
    const period = decision.public_consultation as { from?: string; to?: string } | undefined;
    if (!period?.from || !period.to) return;
    const path: FieldPath = ['major_decisions', 'items', i, 'public_consultation'];
    if (period.to < first || period.from > last) {
      problems.push(place([...path, 'from'], bi(`征求意见期 ${period.from} 至 ${period.to} 与报告年度 ${year} 年没有交集`, `the comment period ${period.from} to ${period.to} does not touch the reporting year ${year}`), bi(`与 ${year} 年有交集的期间`, `a period that touches ${year}`)));
    }
    byAsOf([...path, 'from'], period.from);
  });
  rows(data, 'transparency', 'proactive_disclosures').forEach((item, i) => {
    inYear(['transparency', 'proactive_disclosures', i, 'formed_on'], item.formed_on);
    byAsOf(['transparency', 'proactive_disclosures', i, 'formed_on'], item.formed_on);
    byAsOf(['transparency', 'proactive_disclosures', i, 'published_on'], item.published_on);
  });
  rows(data, 'transparency', 'disclosure_requests').forEach((request, i) => {
    inYear(['transparency', 'disclosure_requests', i, 'received_on'], request.received_on);
    for (const field of ['received_on', 'answered_on']) byAsOf(['transparency', 'disclosure_requests', i, field], request[field]);
  });
  rows(data, 'major_decisions', 'items').forEach((decision, i) => {
    const review = decision.legality_review_period as Row | undefined;
    for (const field of ['requested_on', 'given_on']) byAsOf(['major_decisions', 'items', i, 'legality_review_period', field], review?.[field]);
  });
  const transparency = data.transparency as Row | undefined;
  const disclosureReport = transparency?.annual_disclosure_report_published_on;
  byAsOf(['transparency', 'annual_disclosure_report_published_on'], disclosureReport);
  if (typeof disclosureReport === 'string' && transparency?.annual_disclosure_report_published === false) {
    problems.push(place(['transparency', 'annual_disclosure_report_published'], bi(`政府信息公开工作年度报告写的是未公布,却填了公布日期 ${disclosureReport}`, `the annual disclosure report is said not to be published, yet a publication date (${disclosureReport}) is given`), bi('已公布写 true 并保留日期;未公布写 false 并删去日期', 'true with the date if it was published; false and no date if not')));
  }
  if (typeof disclosureReport === 'string' && disclosureReport < first) {
    problems.push(place(['transparency', 'annual_disclosure_report_published_on'], bi(`政府信息公开工作年度报告公布日期 ${disclosureReport} 早于报告年度 ${year} 年:这里填本年度报告的公布日期`, `the annual disclosure report's publication date ${disclosureReport} is before ${year}: give the date the report on ${year} was published`), bi(`${first} 或之后的日期`, `a date on or after ${first}`)));
  }
  const leadership = data.leadership as Row | undefined;
  const report = leadership?.annual_report_published_on;
  byAsOf(['leadership', 'annual_report_published_on'], report);
  if (typeof report === 'string' && leadership?.annual_report_published === false) {
    problems.push(place(['leadership', 'annual_report_published'], bi(`年度报告写的是未公开,却填了公开日期 ${report}`, `the annual report is said not to be published, yet a publication date (${report}) is given`), bi('已公开写 true 并保留日期;未公开写 false 并删去日期', 'true with the date if it was published; false and no date if not')));
  }
  if (typeof report === 'string' && report < first) {
    problems.push(place(['leadership', 'annual_report_published_on'], bi(`年度报告公开日期 ${report} 早于报告年度 ${year} 年:这里填本年度报告的公开日期`, `the annual report's publication date ${report} is before ${year}: give the date the report on ${year} was published`), bi(`${first} 或之后的日期`, `a date on or after ${first}`)));
  }
  return problems;
}

/** Dates that cannot be right for this submission's year and compilation date. */
export function reportingPeriodProblems(data: SubmissionData, place: Place): InputProblem[] {
  const implausible = plausibleDates(data, place);
  return implausible.length > 0 ? implausible : recordsInYear(data, place);
}
