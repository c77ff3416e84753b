import { STATUSES } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { shownSummary } from '../../run/review/aggregate';
import type { ReviewResult, ReviewRow } from '../../run/review/types';
import { BOM, csvText } from '../kit/csv';
import { STATUS_LABELS } from '../kit/labels';
import { calendarsText, noticeText } from '../kit/view';
import { cityCsvRows, notFiledCsvRows, trendCsvRows } from './overview-csv';
import { OVERVIEW_TEXT } from './overview';
import { levelName, rowProblems } from './view';
import { COMPLETENESS_WORDS, hasReports, statedCell } from '../kit/completeness';

const HEAD: Readonly<Record<Lang, { who: readonly string[]; error: string; notice: string; provenance: readonly string[] }>> = {
  zh: { who: ['文件', 'sha256', '单位', '行政区划代码', '层级', '年度'], error: '无法读取的原因', notice: '提示', provenance: ['工具', '规则包', '规则包版本', '规则包sha256', '节假日安排', '豁免文件', '豁免文件sha256', '生成时间'] },
  en: { who: ['file', 'sha256', 'bureau', 'region_code', 'level', 'year'], error: 'error', notice: 'notice', provenance: ['tool', 'pack', 'pack_version', 'pack_sha256', 'calendars', 'waivers', 'waivers_sha256', 'generated_at'] },
};

function who(row: ReviewRow, lang: Lang): string[] {
  return [row.file, row.sha256 ?? '', row.bureau?.name ?? '', row.bureau?.region_code ?? '', levelName(row, lang), row.year === null ? '' : String(row.year)];
}

/** Provenance on every row, as in the check CSV: any row cut out of the sheet still says what produced it. */
function provenance(result: ReviewResult, lang: Lang): string[] {
  const packs = (pick: (p: ReviewResult['packs'][number]) => string): string => result.packs.map(pick).join(';');
  return [`${result.tool.name} ${result.tool.version}`, packs((p) => p.id), packs((p) => p.version), packs((p) => p.sha256), calendarsText(result.calendars, lang), result.waivers?.file ?? '', result.waivers?.sha256 ?? '', result.generatedAt ?? ''];
}

/**
 * The matrix for a spreadsheet, in the chosen language: one row per bureau-year, its counts over the targets shown,
 * one column per target with its status, then the provenance; a file that could not be read has a row with its problems,
 * a bureau on the roster that has not filed a row marked 未报送. Each CSV is one rectangular table, which spreadsheet
 * and CSV readers expect: the roll-up by city is its own CSV (`--by city`), and so is the trend (`--by year`).
 */
export function* renderReviewCsv(result: ReviewResult, lang: Lang): Iterable<string> {
  const head = HEAD[lang];
  const ruleIds = result.columns.map((c) => result.rules[c].id);
  const tail = provenance(result, lang);
  // A review with rows from prose reports has one column more, 已载明 (`12/30`), after the counts; others have none.
  const stated = hasReports(result.rows) ? [COMPLETENESS_WORDS.column[lang]] : [];
  const statedOf = (row: ReviewRow): string[] => (stated.length > 0 ? [statedCell(row, result.columns)] : []);
  const header = [...head.who, ...STATUSES.map((s) => STATUS_LABELS[s][lang]), ...stated, ...ruleIds, head.error, head.notice, ...head.provenance];
  if (result.by !== undefined) {
    const own = { head: head.provenance, values: tail };
    yield `${BOM}${csvText(result.by === 'city' ? cityCsvRows(result, lang, own) : trendCsvRows(result, lang, own))}`;
    return;
  }
  yield `${BOM}${csvText([header])}`;
  const off = new Set(result.roster?.offRoster.flatMap((o) => o.files) ?? []);
  for (const row of result.rows) {
    const counts = shownSummary(row, result.columns);
    const notes = [...row.notices.map((n) => noticeText(n, lang)), ...(off.has(row.file) ? [OVERVIEW_TEXT[lang].offRosterWord] : [])];
    yield csvText([[...who(row, lang), ...STATUSES.map((s) => String(counts[s])), ...statedOf(row), ...result.columns.map((c) => STATUS_LABELS[row.statuses[c]][lang]), '', notes.join('\n'), ...tail]]);
  }
  for (const row of result.rejected) yield csvText([[...who(row, lang), ...STATUSES.map(() => ''), ...statedOf(row), ...ruleIds.map(() => ''), rowProblems(row, lang).join('\n'), '', ...tail]]);
  const notFiled = notFiledCsvRows(result, lang, STATUSES.length + stated.length + ruleIds.length + 1, 0).map((r) => [...r, ...tail]);
  if (notFiled.length > 0) yield csvText(notFiled);
}
