import { bi, type Bilingual } from '../core/i18n';
import { LEVEL_LABELS } from './levels';
import { levelsNamedIn, numbersIn, quoteUnitOf, sentenceAround } from './quote-reading';
import { operatorsForWording } from './wording';
import type { FieldPath } from '../intake/field-path';
import { leafChecks, leavesOf } from './check-tree';
import { datedThresholdProblems, isDated, thresholdValues, type InForce } from './thresholds';
import { LEVELS, type Check, type Level, type PackDefinition, type Rule, type Threshold } from './types';

/**
 * A problem of a pack's proof, and how to fix it: the loader shows the message, `plancheck pack lint` the hint too.
 * Still a Bilingual, so that whoever reads only the message reads it as before.
 */
export interface ProofMessage extends Bilingual {
  hint?: Bilingual;
}

function hinted(message: Bilingual, hint: Bilingual): ProofMessage {
  return { ...message, hint };
}

const COPY_QUOTE = bi('从 source.txt 中逐字复制引文(比较前按 NFKC 统一全角半角,其余一字不差)', 'copy the quote from source.txt word for word (full- and half-width forms are folded by NFKC; nothing else may differ)');

/** Compare texts as the contract does: NFKC folds the source's mix of full- and half-width punctuation. */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** The text of each numbered item `(四)`…`(三十二)`, from its marker to the next one (text already NFKC). */
export function itemSections(text: string): Map<string, string> {
  const marker = /^\(([一二三四五六七八九十]+)\)/gm;
  const starts = [...text.matchAll(marker)].map((m) => ({ clause: `(${m[1]})`, index: m.index ?? 0 }));
  const sections = new Map<string, string>();
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : text.length;
    if (!sections.has(start.clause)) sections.set(start.clause, text.slice(start.index, end));
  });
  return sections;
}

const NUMERAL = '[一二三四五六七八九十百零]+';
/** An article's first line: `第二十六条 属于…` (a regulation's text, NFKC). */
const ARTICLE_MARKER = new RegExp(`^第(${NUMERAL})条[ \\u3000]`, 'gm');
/** A clause that cites an article, or one of its paragraphs (款). */
export const ARTICLE_CLAUSE = new RegExp(`^第(${NUMERAL})条(?:第(${NUMERAL})款)?$`);
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** A line that is an item (项) of a paragraph, `(一)…`: it belongs to the paragraph before it, and starts none. */
const ITEM_LINE = /^\([一二三四五六七八九十]+\)/;

/** The paragraphs (款) of an article's text: its non-empty lines, each item line joined to the paragraph before it. */
function paragraphsOf(article: string): string[] {
  const paragraphs: string[] = [];
  for (const line of article.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    if (ITEM_LINE.test(line) && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += `\n${line}`;
    else paragraphs.push(line);
  }
  return paragraphs;
}

/**
 * The text of each article `第二十六条`, from its marker to the next article or heading, and of each of its
 * paragraphs `第三十三条第二款` (the article's first line is its first paragraph); text already NFKC.
 */
export function articleSections(text: string): Map<string, string> {
  const starts = [...text.matchAll(ARTICLE_MARKER)].map((m) => ({ article: `第${m[1]}条`, index: m.index ?? 0 }));
  const sections = new Map<string, string>();
  starts.forEach((start, i) => {
    const next = i + 1 < starts.length ? starts[i + 1].index : text.length;
    const heading = text.slice(start.index, next).search(/^#/m);
    const article = text.slice(start.index, heading >= 0 ? start.index + heading : next);
    if (sections.has(start.article)) return;
    sections.set(start.article, article);
    paragraphsOf(article).forEach((paragraph, p) => sections.set(`${start.article}第${NUMERALS[p + 1] ?? p + 1}款`, paragraph));
  });
  return sections;
}

/** Every clause a rule may cite in a text: its items `(四)` and its articles `第二十六条` with their paragraphs. */
export function clauseSections(text: string): Map<string, string> {
  return new Map([...itemSections(text), ...articleSections(text)]);
}

/** What in a rule does not hold against its source (NFKC text): quote, clause, and every leaf's wording and operator. */
export function ruleFidelityProblems(rule: Rule, sections: Map<string, string>, source: string): ProofMessage[] {
  const problems: ProofMessage[] = [];
  const quote = nfkc(rule.citation.quote);
  const section = sections.get(nfkc(rule.citation.clause));
  if (!source.includes(quote)) {
    problems.push(hinted(bi(`规则 ${rule.id} 的引文不在原文中:“${rule.citation.quote}”`, `Rule ${rule.id}: the quote does not stand in the source text: "${rule.citation.quote}"`), COPY_QUOTE));
  } else if (!section) {
    const what = ARTICLE_CLAUSE.test(rule.citation.clause) ? bi('条款', 'article') : bi('条目', 'item');
    problems.push(hinted(bi(`规则 ${rule.id} 引用的${what.zh} ${rule.citation.clause} 不在原文中`, `Rule ${rule.id}: ${what.en} ${rule.citation.clause} is not in the source text`), bi('把 citation.clause 改为原文中引文所在的条目或条款编号,如 (七)、第二十六条;原文没有的条目不能作为依据', 'set citation.clause to the numbered item or article of the source the quote stands in, such as (七) or 第二十六条; an item the source does not have cannot be cited')));
  } else if (!section.includes(quote)) {
    const what = ARTICLE_CLAUSE.test(rule.citation.clause) ? bi('条款', 'article') : bi('条目', 'item');
    problems.push(hinted(bi(`规则 ${rule.id} 的引文不在${what.zh} ${rule.citation.clause} 中`, `Rule ${rule.id}: the quote is not in ${what.en} ${rule.citation.clause}`), bi('把 citation.clause 改为引文实际所在的条目或条款,或从该条目中引用', 'set citation.clause to the item or article the quote stands in, or quote from the one cited')));
  }
  // Each leaf of a composite stands in the rule's one quote: its wording, its operator, its number.
  for (const check of leafChecks(rule.check)) {
    const { wording } = check;
    if (!quote.includes(nfkc(wording))) {
      problems.push(hinted(bi(`规则 ${rule.id} 的措辞“${wording}”不在引文中`, `Rule ${rule.id}: the wording "${wording}" is not in the quote`), bi('check.wording 应是引文中设定比较的原词,如“不低于”“以上”', "check.wording is the quote's own words that set the comparison, such as 不低于 or 以上")));
    }
    problems.push(...operatorProblems(rule.id, check));
    // A dated threshold's values are proved entry by entry, each at its own place (datedValueProblems).
    if (!('threshold' in check && isDated(check.threshold))) problems.push(...numberProblems(rule.id, check, quote, 'threshold' in check ? check.threshold : undefined));
  }
  problems.push(...levelProblems(rule, source));
  return problems;
}

/** A problem placed at a key of the rule (from the rule: `['check', 'all', 0, 'threshold', 'dated', 1, 'quote']`). */
export interface PlacedProblem {
  at: FieldPath;
  message: Bilingual;
}

/**
 * A dated threshold's entries, each proved at its own place: the days in order and not overlapping, the entry's own
 * quote (when it has one) verbatim in the rule's clause, and its value standing in that quote, else in the rule's,
 * as a single threshold's value does.
 */
export function datedValueProblems(rule: Rule, sections: Map<string, string>): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  const section = sections.get(nfkc(rule.citation.clause));
  for (const { path, check } of leavesOf(rule.check)) {
    if (!('threshold' in check) || !isDated(check.threshold)) continue;
    const at = (index: number, key: string): FieldPath => ['check', ...path, 'threshold', 'dated', index, key];
    for (const problem of datedThresholdProblems(check.threshold)) {
      problems.push({ at: at(problem.index, problem.key), message: bi(`规则 ${rule.id} 的分时段标准:${problem.message.zh}`, `Rule ${rule.id}, dated threshold: ${problem.message.en}`) });
    }
    const values = thresholdValues(check.threshold);
    check.threshold.dated.forEach((entry, i) => {
      const own = entry.quote === undefined ? undefined : nfkc(entry.quote);
      if (own !== undefined && !(section ?? '').includes(own)) {
        problems.push({ at: at(i, 'quote'), message: bi(`规则 ${rule.id} 第 ${i + 1} 个时段的引文不在条目 ${rule.citation.clause} 中:“${entry.quote}”`, `Rule ${rule.id}: the quote of entry ${i + 1} is not in item ${rule.citation.clause}: "${entry.quote}"`) });
        return;
      }
      for (const message of numberProblems(rule.id, check, own ?? nfkc(rule.citation.quote), values[i])) problems.push({ at: at(i, 'value'), message });
    });
  }
  return problems;
}

/**
 * The operator agrees with the wording. A wording with no comparator word (打造300家, 每年对1件) sets a target to
 * reach, so the operator is ≥, or = where the target is the whole (100%, every value of a dated one), never below.
 */
function operatorProblems(id: string, check: Check): ProofMessage[] {
  if (!('operator' in check)) return [];
  const allowed = operatorsForWording(check.wording);
  if (allowed && !allowed.includes(check.operator)) {
    return [hinted(bi(`规则 ${id}:措辞“${check.wording}”对应 ${allowed.join(' 或 ')},而规则写的是 ${check.operator}`, `Rule ${id}: the wording "${check.wording}" reads as ${allowed.join(' or ')}, but the rule says ${check.operator}`), bi(`把 operator 改为 ${allowed.join(' 或 ')}(以上、以下、以内、不少于、不低于含本数,超过、不满不含)`, `set operator to ${allowed.join(' or ')} (以上, 以下, 以内, 不少于, 不低于 include the number; 超过, 不满 exclude it)`))];
  }
  const whole = thresholdValues(check.threshold).every((v) => v.unit === 'ratio' && v.value === 1);
  if (!allowed && !(check.operator === '>=' || (check.operator === '=' && whole))) {
    return [hinted(bi(`规则 ${id}:措辞“${check.wording}”没有比较词,只能读作“达到”(≥,或 = 100%),而规则写的是 ${check.operator}`, `Rule ${id}: the wording "${check.wording}" has no comparator, so it reads as a target to reach (≥, or = 100%), but the rule says ${check.operator}`), bi('把 operator 改为 >=(目标为全部时可用 = 与 100%),或把引文中的比较词写入 wording', 'set operator to >= (or = with 100% for the whole), or put the comparing words of the quote in wording'))];
  }
  return [];
}

/**
 * The number a check compares with stands in the quote (NFKC), in the quote's unit: 90% ↔ 0.9, 30日 ↔ 30, 7个工作日 ↔ 7.
 * `threshold` is the check's value (one value of a dated threshold); without one, a per-record kind's 100%.
 */
function numberProblems(id: string, check: Check, quote: string, threshold: Threshold | InForce | undefined): ProofMessage[] {
  const value = threshold === undefined ? undefined : 'dated' in threshold ? undefined : threshold;
  const wanted = value ? quoteUnitOf(value.value, value.unit) : check.kind === 'every_record' || check.kind === 'legal_basis' ? { value: 100, units: ['%'] } : undefined;
  if (!wanted) return [];
  const found = numbersIn(quote);
  if (found.length === 0) {
    if (!value || check.note) return [];
    return [hinted(bi(`规则 ${id} 的引文中没有数字,却设了界限 ${value.value};请在 note 中说明这一读法`, `Rule ${id}: the quote has no number, yet the rule sets ${value.value}; explain the reading in its note`), bi('在 check.note 中写明这个界限如何从原文读出', 'say in check.note how the source gives this threshold'))];
  }
  const relevant = found.filter((n) => wanted.units.includes(n.unit));
  if (relevant.length === 0 && !value) return [];
  if (relevant.some((n) => n.value === wanted.value)) return [];
  const shown = found.map((n) => `${n.text}`).join('、');
  return [hinted(bi(`规则 ${id} 的界限与引文不符:引文为 ${shown},规则为 ${wanted.value}${wanted.units[0]}`, `Rule ${id}: the threshold does not match its quote: the quote says ${shown}, the rule ${wanted.value}${wanted.units[0]}`), bi(`把 threshold 改为引文中的数(比率写成小数:90% 写作 0.9),或引用写有这个数的原文`, 'set the threshold to the number of the quote (a ratio as a fraction: 90% is 0.9), or quote the words that state this number'))];
}

function sameLevels(a: readonly Level[], b: readonly Level[]): boolean {
  return a.length === b.length && a.every((level) => b.includes(level));
}

/** The levels agree with the level words of the quote's clause (市县级, 县级以上, 省级, 各级); none there means all. */
function levelProblems(rule: Rule, source: string): ProofMessage[] {
  const clause = sentenceAround(source, nfkc(rule.citation.quote));
  const named = levelsNamedIn(nfkc(rule.citation.quote)) ?? levelsNamedIn(clause);
  const expected = named ?? LEVELS;
  if (sameLevels(rule.levels, expected) || rule.levels_note) return [];
  const words = named ? bi('引文所在句的层级用语', "the level words of the quote's sentence") : bi('引文所在句没有层级用语,应适用于各级', "the quote's sentence names no level, so it binds every level");
  const zh = (levels: readonly Level[]): string => levels.map((level) => LEVEL_LABELS[level].zh).join('、');
  return [hinted(bi(`规则 ${rule.id} 的适用层级(${zh(rule.levels)})与${words.zh}(${zh(expected)})不一致;如有依据,请在 levels_note 中说明`, `Rule ${rule.id}: its levels ${rule.levels.join(', ')} differ from ${words.en} (${expected.join(', ')}); state the reason in levels_note`), bi(`把 levels 改为 [${expected.join(', ')}],或在 levels_note 中写明依据`, `set levels to [${expected.join(', ')}], or give the reason in levels_note`))];
}

/** Rule ids must be unique within a pack, and chapters must start at items that exist. */
export function packStructureProblems(pack: PackDefinition, sections: Map<string, string>): ProofMessage[] {
  const problems: ProofMessage[] = [];
  const seen = new Set<string>();
  for (const rule of pack.rules) {
    if (seen.has(rule.id)) problems.push(hinted(bi(`规则编号 ${rule.id} 重复`, `Rule id ${rule.id} appears twice`), bi('给其中一条规则另起一个编号', 'give one of the two rules another id')));
    seen.add(rule.id);
  }
  for (const chapter of pack.chapters ?? []) {
    if (!sections.has(nfkc(chapter.first_item))) problems.push(hinted(bi(`章 ${chapter.number} 的起始条目 ${chapter.first_item} 不在原文中`, `Chapter ${chapter.number}: item ${chapter.first_item} is not in the source`), bi('first_item 应为原文中该章第一个条目的编号,如 (四)', "first_item is the number of the chapter's first item in the source, such as (四)")));
  }
  if (pack.years.from > pack.years.to) problems.push(hinted(bi('适用年度的起止颠倒', 'The pack\'s years run backwards'), bi('years.from 应不晚于 years.to', 'years.from comes no later than years.to')));
  return problems;
}
