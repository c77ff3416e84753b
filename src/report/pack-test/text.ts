import { bi, type Bilingual, type Lang } from '../../core/i18n';
import { formatPosition } from '../../core/place';
import { terminalLines } from '../../core/text-safety';
import type { CaseStatus } from '../../pack/cases';
import { failedCount, passedCount, type CaseOutcome, type Mismatch, type PackTestResult } from '../../run/pack-test';
import { STATUS_LABELS } from '../kit/labels';
import { displayWidth } from '../kit/text';

/**
 * A pack's test run as a person reads it: one line per case (通过 / 未通过 and its name), under a case that does
 * not hold each mismatch (rule, expected, actual, the finding's message), and last the summary line in the one form
 * scripts may rely on (docs/pack-tests.md).
 */

const CASE_WORDS: Readonly<Record<'pass' | 'fail', Bilingual>> = { pass: bi('通过', 'PASS'), fail: bi('未通过', 'FAIL') };

/** The summary line: `通过 N 个,未通过 M 个` / `N passed, M failed`. */
export function summaryLine(result: PackTestResult, lang: Lang): string {
  const passed = passedCount(result);
  const failed = failedCount(result);
  return bi(`通过 ${passed} 个,未通过 ${failed} 个`, `${passed} passed, ${failed} failed`)[lang];
}

function statuses(list: readonly CaseStatus[], lang: Lang): string {
  return list.map((s) => STATUS_LABELS[s][lang]).join(lang === 'zh' ? '或' : ' or ');
}

function mismatchLine(mismatch: Mismatch, lang: Lang): string {
  const zh = lang === 'zh';
  switch (mismatch.what) {
    case 'status': {
      const expected = statuses(mismatch.expected, lang);
      const actual = STATUS_LABELS[mismatch.actual][lang];
      return `${mismatch.rule}: ${zh ? `应为 ${expected},实际 ${actual}。` : `expected ${expected}, got ${actual}. `}${mismatch.message[lang]}`;
    }
    case 'message':
      return `${mismatch.rule}: ${zh ? `说明中应有“${mismatch.words}”,实际为:` : `the message should contain "${mismatch.words}"; it reads: `}${mismatch.message[lang]}`;
    case 'evidence': {
      const list = (records: readonly string[]): string => (records.length > 0 ? records.join(zh ? '、' : ', ') : zh ? '(无)' : '(none)');
      return `${mismatch.rule}: ${zh ? `依据记录应为 ${list(mismatch.expected)},实际为 ${list(mismatch.actual)}。` : `the evidence should name ${list(mismatch.expected)}; it names ${list(mismatch.actual)}. `}${mismatch.message[lang]}`;
    }
    case 'detail':
      return `${mismatch.rule}: ${zh ? `依据中应有“${mismatch.words}”。` : `no evidence entry contains "${mismatch.words}". `}${mismatch.message[lang]}`;
    case 'refused': {
      const { problem } = mismatch;
      const field = problem.field ? ` ${problem.field}` : '';
      return zh ? `构造出的报送不能检查${field ? `(${problem.field})` : ''}:${problem.message.zh}` : `the submission built is refused${field}: ${problem.message.en}`;
    }
  }
}

function caseLines(outcome: CaseOutcome, lang: Lang, width: number): string[] {
  const held = outcome.mismatches.length === 0;
  const word = CASE_WORDS[held ? 'pass' : 'fail'][lang];
  const pad = ' '.repeat(width - displayWidth(word) + 2);
  if (held) return [`${word}${pad}${outcome.case.name}`];
  const place = `${outcome.case.file}:${formatPosition(outcome.case.at, 'terse', lang)}`;
  return [`${word}${pad}${outcome.case.name}  (${place})`, ...outcome.mismatches.map((m) => `    ${mismatchLine(m, lang)}`)];
}

export function renderPackTest(result: PackTestResult, lang: Lang): string {
  const width = Math.max(...Object.values(CASE_WORDS).map((w) => displayWidth(w[lang])));
  return `${terminalLines([...result.outcomes.flatMap((o) => caseLines(o, lang, width)), summaryLine(result, lang)])}\n`;
}
