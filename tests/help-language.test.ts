import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../src/core/i18n';
import { STATUSES } from '../src/findings/types';
import { loadPack } from '../src/pack/load';
import { LEVELS } from '../src/pack/types';
import { FORMATS } from '../src/report/check';
import { REVIEW_FORMATS } from '../src/report/review';
import { PACK_LINT_FORMATS } from '../src/report/pack-lint';
import { displayWidth } from '../src/cli/program';
import { cli, ROOT } from './helpers';

/**
 * `--help` speaks Chinese unless `--lang en` is given, for the program and for every command it registers, found by
 * walking the help itself (the 命令 section of each help), so that a command added later is covered without a change
 * here.
 *
 * "No English word" in a Chinese help, precisely: every run of Latin letters ([A-Za-z]+) in it is one of
 *  1. a word of a term of that help: the command path in its usage line, and each listed command, argument and option
 *     as its left column shows it (`-f, --format <格式>` gives f and format; placeholders are Chinese, `<格式>`);
 *  2. the name of the program or of any of its commands (a description may point to another command);
 *  3. a value an option of that help takes, as the parenthesis commander adds to its description from the option's
 *     choices and default lists them (`(可选:text、json;默认:text)`), in that parenthesis or anywhere in the help
 *     (`输出格式:text 逐行文字`);
 *  4. a value a user writes, from the code's own lists: the levels, statuses, languages and report formats, the ids
 *     of the bundled packs and of their rules;
 *  5. a name of a file type, extension or text encoding a user reads or writes (FILE_WORDS: PDF, Word, GBK among them; Chromium, the browser that
 *     prints them, is named as users know it), or a byte unit `--max-bytes` takes
 *     (K, M, G, optionally with B or iB);
 *  6. a single capital letter, a placeholder for a number (`通过 N 个`).
 * Anything else (an English word in a description, a `YAML`-less type name such as `string`) fails the test.
 */

const FILE_WORDS = ['YAML', 'yaml', 'yml', 'JSON', 'json', 'HTML', 'html', 'CSV', 'csv', 'Markdown', 'markdown', 'md', 'xlsx', 'Excel', 'txt', 'PDF', 'pdf', 'Word', 'docx', 'htm', 'UTF', 'GBK', 'GB18030', 'Chromium'];
const BYTE_UNIT = /^[KMG](i?B)?$/;
const NUMBER_PLACEHOLDER = /^[A-Z]$/;
const TITLES = { zh: ['用法:', '选项:', '参数:', '命令:', '全局选项:'], en: ['Usage:', 'Options:', 'Arguments:', 'Commands:', 'Global Options:'] };
const HAN = /\p{Script=Han}/u;

interface Entry {
  term: string;
  description: string;
}

interface ParsedHelp {
  /** The command path after `plancheck` (empty for the program). */
  path: string[];
  text: string;
  usage: string;
  sections: Record<string, Entry[]>;
  /** Everything that is neither a title nor a term: the program's or command's description and each entry's. */
  prose: string[];
}

/** Splits a help as commander lays it out: a title line, then entries of a term and its (wrapped) description. */
function parseHelp(path: string[], text: string, titles: string[]): ParsedHelp {
  const lines = text.split('\n');
  const usage = lines[0];
  const sections: Record<string, Entry[]> = {};
  const prose: string[] = [];
  let section: Entry[] | undefined;
  for (const line of lines.slice(1)) {
    if (titles.includes(line.trim())) {
      section = sections[line.trim()] = [];
    } else if (section && /^ {2}\S/.test(line)) {
      const [term, ...rest] = line.trim().split(/ {2,}/);
      section.push({ term, description: rest.join(' ') });
    } else if (section && /^ {3,}\S/.test(line) && section.length > 0) {
      section[section.length - 1].description += ` ${line.trim()}`;
    } else if (line.trim()) {
      prose.push(line.trim());
    }
  }
  for (const entries of Object.values(sections)) prose.push(...entries.map((e) => e.description));
  return { path, text, usage, sections, prose };
}

async function helpOf(path: string[], lang: 'zh' | 'en'): Promise<ParsedHelp> {
  const run = await cli(...path, '--help', ...(lang === 'en' ? ['--lang', 'en'] : []));
  expect({ path, status: run.status, stderr: run.stderr }).toEqual({ path, status: 0, stderr: '' });
  return parseHelp(path, run.stdout, TITLES[lang]);
}

/** The program's help and every command's, depth first, through the 命令 (Commands) section of each. */
async function allHelps(lang: 'zh' | 'en'): Promise<ParsedHelp[]> {
  const commandsTitle = TITLES[lang][3];
  const helps: ParsedHelp[] = [];
  const visit = async (path: string[]): Promise<void> => {
    const help = await helpOf(path, lang);
    helps.push(help);
    for (const { term } of help.sections[commandsTitle] ?? []) {
      // `name|alias [选项] <参数>`: the name is the first word.
      const name = term.split(/[ |]/)[0];
      // `help [command]` shows the helps this walk reads already.
      if (name !== 'help') await visit([...path, name]);
    }
  };
  await visit([]);
  return helps;
}

const latinWords = (text: string): string[] => text.match(/[A-Za-z]+/g) ?? [];

/** Rule 4: what a user writes that the code lists: levels, statuses, languages, formats, bundled pack and rule ids. */
function userValues(): string[] {
  const packs = readdirSync(join(ROOT, 'rules'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'rules', d.name, 'pack.yaml')))
    .map((d) => loadPack(join(ROOT, 'rules', d.name, 'pack.yaml')));
  const ids = packs.flatMap((pack) => [pack.id, ...pack.rules.map((rule) => rule.id)]);
  return [...LEVELS, ...STATUSES, ...LANGS, ...FORMATS, ...REVIEW_FORMATS, ...PACK_LINT_FORMATS, ...ids].flatMap(latinWords);
}

/** Rule 3: the parenthesis commander's help adds from the option's choices and default, which holds values only. */
const CHOICES = /(可选:[^;)]*)?;?(默认:[^)]*)?\)$/;

describe('--help is Chinese by default and English with --lang en, for every command', () => {
  let zh: ParsedHelp[];
  let en: ParsedHelp[];
  beforeAll(async () => {
    [zh, en] = [await allHelps('zh'), await allHelps('en')];
  });

  test('the walk finds the program and its commands', () => {
    const paths = zh.map((h) => h.path.join(' '));
    expect(paths).toEqual(expect.arrayContaining(['', 'check', 'review']));
    expect(en.map((h) => h.path.join(' '))).toEqual(paths);
  });

  test('a Chinese help has no English word but names, placeholders and values a user types', () => {
    const everywhere = new Set(['plancheck', ...zh.flatMap((h) => h.path), ...userValues()]);
    const offending = zh.flatMap((help) => {
      const values = help.prose.flatMap((line) => (CHOICES.exec(line)?.slice(1) ?? []).flatMap((listed) => latinWords(listed ?? '')));
      const own = new Set([...latinWords(help.usage), ...Object.values(help.sections).flatMap((entries) => entries.flatMap((e) => latinWords(e.term))), ...values]);
      const words = help.prose.flatMap(latinWords).filter((word) => !own.has(word) && !everywhere.has(word) && !FILE_WORDS.includes(word) && !BYTE_UNIT.test(word) && !NUMBER_PLACEHOLDER.test(word));
      return words.map((word) => `plancheck ${help.path.join(' ')} --help: ${word}`);
    });
    expect(offending).toEqual([]);
  });

  test('in Chinese every title is Chinese and every command, argument and option is described in Chinese', () => {
    for (const help of zh) {
      expect(help.usage).toMatch(/^用法: plancheck/);
      expect(help.text).not.toMatch(/^(Usage|Options|Arguments|Commands|Global Options):/m);
      expect(help.prose.length).toBeGreaterThan(0);
      const undescribed = Object.values(help.sections).flatMap((entries) => entries.filter((e) => !HAN.test(e.description)).map((e) => `${help.path.join(' ')}: ${e.term}`));
      expect(undescribed).toEqual([]);
    }
  });

  test('a Chinese help wraps at 80 columns between characters, never before a closing mark nor after an opening one', () => {
    for (const help of zh) {
      const lines = help.text.split('\n');
      expect({ path: help.path, wide: lines.filter((line) => displayWidth(line) > 80) }).toEqual({ path: help.path, wide: [] });
      // A continuation line of a description (indented past the terms) starts with what may start a line.
      const badStarts = lines.filter((line) => /^ {3,}[,.;:)\]!?\uff0c\u3002\uff1b\uff1a\u3001\uff09\u300b\u201d]/.test(line));
      const badEnds = lines.filter((line) => /[(\[\uff08\u300a\u201c]$/.test(line));
      expect({ path: help.path, badStarts, badEnds }).toEqual({ path: help.path, badStarts: [], badEnds: [] });
    }
  });

  test('with --lang en every help is English: English titles, no Chinese outside a 《title》', () => {
    for (const help of en) {
      expect(help.usage).toMatch(/^Usage: plancheck/);
      expect(help.text).not.toMatch(new RegExp(`^(${TITLES.zh.join('|')})`, 'm'));
      const chinese = help.prose.map((line) => line.replace(/《[^》]*》/g, '')).filter((line) => HAN.test(line));
      expect({ path: help.path, chinese }).toEqual({ path: help.path, chinese: [] });
    }
  });

  test('the options and commands are the same in both languages: only the words around them change', () => {
    // Arguments are named in the language of the help (<报送文件夹...>, <dirs...>): options and commands are not.
    const names = (help: ParsedHelp, lang: 'zh' | 'en'): string[] =>
      [TITLES[lang][1], TITLES[lang][3]].flatMap((title) => (help.sections[title] ?? []).map((e) => e.term.replace(/ ?[<[].*$/, '')));
    for (const [i, help] of zh.entries()) {
      expect({ path: help.path, names: names(help, 'zh') }).toEqual({ path: en[i].path, names: names(en[i], 'en') });
    }
  });
});
