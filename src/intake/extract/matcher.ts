/**
 * The generic matcher: reads a target of the phrasings file against one sentence and says what value, if any, the
 * sentence states for it. Every word it looks for comes from the phrasings; the code holds only how they combine.
 *
 * A count or a rate is taken from a clause when one of the target's subjects stands in it and the first number
 * after the subject (in one of the number forms, with the target's unit) belongs to that subject:
 * - no other number stands between them, and no more than MAX_SUBJECT_TO_NUMBER characters;
 * - no exclusion word stands in the clause before the number, after the figure before the subject if there is one
 *   (好评率, 一次办, 参与率 …);
 * - the subject is not joined to another one (甲和乙12次, 、乙…) unless a distributive word says the number is each
 *   one's (合法性审核率、报备率均达100%);
 * - the number is not an estimate or a bound (超过40学时, 60余件, 90%以上) nor followed by another unit (130人次).
 * A count may also come just before its subject (举办3期法治专题讲座).
 * A yes is taken from a clause where one of the target's verbs stands before the subject (成立……领导小组), one of
 * its `verbs_after` right after it, or one of its statements stands, with no negation before it and no exclusion
 * word in the clause.
 */
import { numberValue, CHINESE_NUMERAL_CHARS } from './numerals';
import type { Phrasings, PhrasingTarget } from './phrasings';
import { foldWidth, splitClauses } from './sentences';

/** How far a number may stand after its subject. */
const MAX_SUBJECT_TO_NUMBER = 24;
/** How far a verb after the subject may stand (a closing quote between them). */
const MAX_SUBJECT_TO_VERB = 2;
/** How many characters "…" in a subject may stand for, unless the phrasings say otherwise. */
const DEFAULT_MAX_GAP = 12;

export interface Candidate {
  value: number | string | boolean;
  /** Where the number stands in its clause (a yes: where the clause matched). */
  at: number;
  /** Whether a total word (全年, 共) stands in the clause before the number. */
  total: boolean;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = `(\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)`;

/** A phrase of the phrasings (folded; "…" for a gap) as a pattern over a folded clause. */
function phrasePattern(phrase: string, maxGap: number): string {
  return foldWidth(phrase).split('…').map(escape).join(`.{0,${maxGap}}?`);
}

/** The compiled form of a target: made once per phrasings and target. */
interface CompiledTarget {
  subjects: RegExp[];
  statements: RegExp[];
  numberAfter?: RegExp;
  numberBefore?: RegExp;
  /** A figure of the target's forms at the end of a text. */
  figureAtEnd?: RegExp;
}

const compiledTargets = new WeakMap<PhrasingTarget, CompiledTarget>();

function compile(target: PhrasingTarget, phrasings: Phrasings): CompiledTarget {
  let compiled = compiledTargets.get(target);
  if (compiled) return compiled;
  const gap = phrasings.max_gap ?? DEFAULT_MAX_GAP;
  // Longest subjects first: 网上可办率 before 网上可办.
  const subjects = [...target.subjects].sort((a, b) => b.length - a.length).map((subject) => new RegExp(phrasePattern(subject, gap), 'g'));
  const statements = (target.statements ?? []).map((statement) => new RegExp(phrasePattern(statement, gap), 'g'));
  const units = (target.units ?? []).map((unit) => escape(foldWidth(unit))).join('|');
  const forms = (target.kind === 'rate' ? phrasings.number_forms.rate : target.kind === 'count' ? phrasings.number_forms.count : [])
    .map((form) => foldWidth(form).split('{n}').map((part) => escape(part).replace('\\{unit\\}', `(?:${units})`)).join(NUMBER));
  compiled = {
    subjects,
    statements,
    numberAfter: forms.length > 0 ? new RegExp(forms.map((form) => `(?:${form})`).join('|'), 'g') : undefined,
    numberBefore: target.kind === 'count' && forms.length > 0 ? new RegExp(`(?:${forms.map((form) => `(?:${form})`).join('|')})$`) : undefined,
    figureAtEnd: forms.length > 0 ? new RegExp(`(?:${forms.map((form) => `(?:${form})`).join('|')})$`) : undefined,
  };
  compiledTargets.set(target, compiled);
  return compiled;
}

// The phrasings' words are folded when the file is read (phrasings.ts), as the clauses are here.
const containsAny = (text: string, words: readonly string[]): boolean => words.some((word) => text.includes(word));
const startsWithAny = (text: string, words: readonly string[]): boolean => words.some((word) => text.startsWith(word));
const endsWithAny = (text: string, words: readonly string[]): boolean => words.some((word) => text.endsWith(word));

/** The number of a match of the number forms: the first group that matched. */
function matchedNumber(match: RegExpExecArray): string | undefined {
  return match.slice(1).find((group) => group !== undefined);
}

/** The value of a number as the field holds it: a rate as a percent string, a count as a whole number. */
function fieldValue(kind: PhrasingTarget['kind'], written: string): number | string | undefined {
  const value = numberValue(written);
  if (value === undefined) return undefined;
  if (kind === 'rate') return value >= 0 && value <= 100 ? `${/^[\d.]+$/.test(written) ? written : String(value)}%` : undefined;
  return Number.isInteger(value) ? value : undefined;
}

/** The clause with one stretch blanked out, so that words inside the subject do not count as exclusions. */
function masked(clause: string, from: number, to: number): string {
  return clause.slice(0, from) + ' '.repeat(to - from) + clause.slice(to);
}

/** The counts or rates a clause states for the target, one per number (two subjects may share one: 均达100%). */
function figuresIn(clause: string, target: PhrasingTarget, compiled: CompiledTarget, phrasings: Phrasings): Candidate[] {
  const exclusions = target.exclusions ?? [];
  const byNumber = new Map<number, Candidate>();
  for (const subject of compiled.subjects) {
    subject.lastIndex = 0;
    for (let match = subject.exec(clause); match; match = subject.exec(clause)) {
      const start = match.index;
      const end = start + match[0].length;
      const found = numberAfterSubject(clause, start, end, target, compiled, phrasings, exclusions) ?? numberBeforeSubject(clause, start, end, target, compiled, phrasings, exclusions);
      if (found && !byNumber.has(found.at)) byNumber.set(found.at, found);
    }
  }
  return [...byNumber.values()].sort((a, b) => a.at - b.at);
}

/** Where the words that may govern a subject's number begin: after the last figure before the subject (好评率99%、). */
function scopeStart(clause: string, start: number): number {
  let from = 0;
  for (const figure of clause.slice(0, start).matchAll(/\d+(?:\.\d+)?%?/g)) from = (figure.index ?? 0) + figure[0].length;
  return from;
}

/**
 * Whether a subject is the second of a combined pair (甲和乙12次): a joiner right before it, with no figure of its
 * own before the joiner (党组会学法3次、常务会学法2次 lists two figures, each its own).
 */
function joinedBefore(before: string, compiled: CompiledTarget, phrasings: Phrasings): boolean {
  const joiner = phrasings.joiners.find((word) => before.endsWith(word));
  if (joiner === undefined) return false;
  const ahead = before.slice(0, before.length - joiner.length);
  return !(compiled.figureAtEnd?.test(ahead) ?? false);
}

function numberAfterSubject(clause: string, start: number, end: number, target: PhrasingTarget, compiled: CompiledTarget, phrasings: Phrasings, exclusions: readonly string[]): Candidate | undefined {
  const forms = compiled.numberAfter;
  if (!forms) return undefined;
  forms.lastIndex = end;
  const number = forms.exec(clause);
  if (!number) return undefined;
  const gap = clause.slice(end, number.index);
  if (gap.length > MAX_SUBJECT_TO_NUMBER || /\d/.test(gap)) return undefined;
  // 由85%提高到95%, 同比提高5%: a change, not the figure.
  if (containsAny(gap, phrasings.changes)) return undefined;
  const joined = containsAny(gap, phrasings.joiners) || joinedBefore(clause.slice(0, start), compiled, phrasings);
  if (joined && !containsAny(gap, phrasings.distributive)) return undefined;
  if (containsAny(masked(clause, start, end).slice(scopeStart(clause, start), number.index + number[0].length), exclusions)) return undefined;
  if (endsWithAny(clause.slice(0, number.index), phrasings.approximations)) return undefined;
  const written = matchedNumber(number);
  if (written === undefined) return undefined;
  // What follows the number (before its unit for a count) must not make it another quantity (130人次, 90%以上).
  const afterNumber = clause.slice(number.index + number[0].indexOf(written) + written.length);
  const afterForm = clause.slice(number.index + number[0].length);
  if (startsWithAny(afterNumber, phrasings.non_units) || startsWithAny(afterForm, phrasings.non_units) || startsWithAny(afterForm, phrasings.approximations)) return undefined;
  const value = fieldValue(target.kind, written);
  if (value === undefined) return undefined;
  return { value, at: number.index, total: containsAny(clause.slice(0, number.index), phrasings.totals) };
}

function numberBeforeSubject(clause: string, start: number, end: number, target: PhrasingTarget, compiled: CompiledTarget, phrasings: Phrasings, exclusions: readonly string[]): Candidate | undefined {
  if (!compiled.numberBefore) return undefined;
  const before = clause.slice(0, start);
  const number = compiled.numberBefore.exec(before);
  if (!number) return undefined;
  if (containsAny(masked(clause, start, end), exclusions)) return undefined;
  if (endsWithAny(before.slice(0, number.index), phrasings.approximations)) return undefined;
  // Joined to a second subject after it (3期法治讲座和专题辅导): a combined figure.
  if (startsWithAny(clause.slice(end), phrasings.joiners)) return undefined;
  const written = matchedNumber(number);
  const value = written === undefined ? undefined : fieldValue(target.kind, written);
  if (value === undefined) return undefined;
  return { value, at: number.index, total: containsAny(before.slice(0, number.index), phrasings.totals) };
}

/** Whether a clause states the target (a yes). */
function yesIn(clause: string, target: PhrasingTarget, compiled: CompiledTarget, phrasings: Phrasings): boolean {
  if (containsAny(clause, target.exclusions ?? [])) return false;
  const negated = (before: string): boolean => containsAny(before, phrasings.negations);
  for (const statement of compiled.statements) {
    statement.lastIndex = 0;
    const match = statement.exec(clause);
    if (match && !negated(clause.slice(0, match.index))) return true;
  }
  for (const subject of compiled.subjects) {
    subject.lastIndex = 0;
    for (let match = subject.exec(clause); match; match = subject.exec(clause)) {
      const before = clause.slice(0, match.index);
      if (negated(before)) continue;
      if (containsAny(before, target.verbs ?? [])) return true;
      const after = clause.slice(match.index + match[0].length);
      const verbsAfter = target.verbs_after ?? [];
      for (let skip = 0; skip <= MAX_SUBJECT_TO_VERB; skip += 1) {
        if (startsWithAny(after.slice(skip), verbsAfter)) return true;
      }
    }
  }
  return false;
}

/** The clauses of a sentence as matching sees them (folded), made once per sentence. */
export function matchingClauses(sentence: string): string[] {
  return splitClauses(sentence).map(foldWidth);
}

/**
 * What a sentence, given as its matching clauses, states for a target: a yes once, every count or rate it gives
 * (in order; two different ones in one sentence, 党组会学法3次、常务会学法2次, are two figures and none is taken).
 */
export function matchClauses(clauses: readonly string[], target: PhrasingTarget, phrasings: Phrasings): Candidate[] {
  const compiled = compile(target, phrasings);
  if (target.kind === 'yes') {
    const at = clauses.findIndex((clause) => yesIn(clause, target, compiled, phrasings));
    return at < 0 ? [] : [{ value: true, at, total: false }];
  }
  return clauses.flatMap((clause) => figuresIn(clause, target, compiled, phrasings));
}

/** What a sentence (verbatim) states for a target. */
export function matchSentence(sentence: string, target: PhrasingTarget, phrasings: Phrasings): Candidate[] {
  return matchClauses(matchingClauses(sentence), target, phrasings);
}
