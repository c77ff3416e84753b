/**
 * Packs with several source texts (`sources`), clauses that are articles (第二十六条) or their paragraphs
 * (第三十三条第二款), and `restates` links: what the loader proves, and what it refuses with a place.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_PACK, BUNDLED_PACKS } from '../src/core/paths';
import { InputError } from '../src/intake/problem';
import { articleSections, nfkc } from '../src/pack/fidelity';
import { loadPack } from '../src/pack/load';
import { cli, editedPack, ROOT, tempDir } from './helpers';

const NATIONAL_DIR = join(ROOT, 'rules', 'cn-national-baseline');
const BASE = join(NATIONAL_DIR, 'tests', 'bases', 'city-2024.yaml');

/** A copy of the national pack with its pack.yaml (or, with `file`, another of its files) edited. */
function editedNational(edit: (text: string) => string, file = 'pack.yaml'): string {
  const dir = join(tempDir(), 'cn-national-baseline');
  cpSync(NATIONAL_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(path, after);
  return dir;
}

function problemsOf(dir: string): { field?: string; line?: number; zh: string }[] {
  try {
    loadPack(dir);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((p) => ({ field: p.field, line: p.at && 'line' in p.at ? p.at.line : undefined, zh: p.message.zh }));
  }
  throw new Error('the pack loaded');
}

function lineOf(dir: string, words: string): number {
  return readFileSync(join(dir, 'pack.yaml'), 'utf8').split('\n').findIndex((line) => line.includes(words)) + 1;
}

describe('the articles of a regulation', () => {
  const text = nfkc(readFileSync(join(NATIONAL_DIR, 'government-information-disclosure-regulation-2019.md'), 'utf8'));
  const sections = articleSections(text);

  test('an article runs from its number to the next article, and stops at a chapter heading', () => {
    expect(sections.get('第二十六条')).toBe('第二十六条 属于主动公开范围的政府信息,应当自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的,从其规定。\n\n');
    expect(sections.get('第九条')).not.toContain('第二章');
  });

  test('a paragraph (款) is a line of the article; its items (项) belong to the paragraph before them', () => {
    expect(sections.get('第三十三条第一款')).toBe('第三十三条 行政机关收到政府信息公开申请,能够当场答复的,应当当场予以答复。');
    expect(sections.get('第三十三条第三款')).toBe('行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。');
    expect(sections.get('第四条第二款')).toMatch(/^政府信息公开工作机构的具体职能是:\n\(一\)办理本行政机关的政府信息公开事宜;\n[\s\S]*\(五\)本行政机关规定的与政府信息公开有关的其他职能。$/);
    expect(sections.has('第四条第三款')).toBe(false);
  });
});

describe('a pack with several source texts', () => {
  test('is proved rule by rule against the text its citation names', () => {
    const pack = loadPack(BUNDLED_PACKS['cn-national-baseline']);
    expect(Object.keys(pack.sourceTexts)).toEqual(['gov-info-disclosure', 'major-decision-procedure']);
    expect(pack.rules.map((rule) => rule.citation.document)).toEqual(['gov-info-disclosure', 'gov-info-disclosure', 'gov-info-disclosure', 'major-decision-procedure', 'major-decision-procedure', 'major-decision-procedure', 'major-decision-procedure', 'major-decision-procedure']);
  });

  test('a quote cited in the other regulation is refused, at its rule\'s quote', () => {
    const dir = editedNational((t) => t.replace('document: major-decision-procedure\n      clause: 第二十五条', 'document: gov-info-disclosure\n      clause: 第二十五条'));
    expect(problemsOf(dir)).toEqual([{ field: 'rules[4]', line: lineOf(dir, 'quote: 决策草案提交决策机关讨论前'), zh: '规则 CN-MD-25-legality-review 的引文不在原文中:“决策草案提交决策机关讨论前，应当由负责合法性审查的部门进行合法性审查”' }]);
  });

  test('a quote in another paragraph of its article is refused; the whole article holds it', () => {
    const wrong = editedNational((t) => t.replace('clause: 第三十三条第二款', 'clause: 第三十三条第一款'));
    expect(problemsOf(wrong).map((p) => p.zh)).toEqual(['规则 CN-GI-33-request-answer-deadline 的引文不在条款 第三十三条第一款 中']);
    const whole = editedNational((t) => t.replace('clause: 第三十三条第二款', 'clause: 第三十三条'));
    expect(loadPack(whole).rules[1].citation.clause).toBe('第三十三条');
  });

  test('an article the text does not have is refused', () => {
    const dir = editedNational((t) => t.replace('clause: 第三十二条', 'clause: 第五十七条'));
    expect(problemsOf(dir).map((p) => p.zh)).toEqual(['规则 CN-MD-32-publication 引用的条款 第五十七条 不在原文中']);
  });

  test('a rule that names no source, or one the pack does not have, is refused at its citation', () => {
    const none = editedNational((t) => t.replace('      document: gov-info-disclosure\n      clause: 第二十六条\n', '      clause: 第二十六条\n'));
    expect(problemsOf(none)).toEqual([{ field: 'rules[0].citation.document', line: lineOf(none, 'clause: 第二十六条'), zh: '规则 CN-GI-26-proactive-disclosure-deadline 未写明引用的原文(citation.document):本规则包有多份原文(gov-info-disclosure、major-decision-procedure)' }]);
    const unknown = editedNational((t) => t.replace('document: gov-info-disclosure\n      clause: 第二十六条', 'document: gov-info-disclosur\n      clause: 第二十六条'));
    expect(problemsOf(unknown).map((p) => p.zh)).toEqual(['规则 CN-GI-26-proactive-disclosure-deadline 引用的原文 gov-info-disclosur 不在本规则包的原文中(gov-info-disclosure、major-decision-procedure)']);
  });

  test('each text is held to its own sha256: a changed second text is refused at sources[1].sha256', async () => {
    const dir = editedNational((t) => t.replace('一般不少于7个工作日', '一般不少于5个工作日'), 'major-decision-procedure-regulation-2019.md');
    const problems = problemsOf(dir);
    expect(problems[0]).toEqual({ field: 'sources[1].sha256', line: lineOf(dir, 'sha256: d407241d'), zh: '原文文件的 sha256 与规则包记载的不一致:原文被改动过,请核对后更新' });
    const run = await cli('check', BASE, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sources[1].sha256');
  });

  test('a text outside the pack\'s folder is refused at its sources[…].file', () => {
    const dir = editedNational((t) => t.replace('file: government-information-disclosure-regulation-2019.md', 'file: ../../etc/passwd'));
    expect(problemsOf(dir)[0].field).toBe('sources[0].file');
  });

  test('a pack gives one source or several, not both', () => {
    const dir = editedNational((t) => t.replace('sources:\n', 'source: { file: government-information-disclosure-regulation-2019.md, sha256: 7911202c81f68f5ccb7374f7058b6e5f3d68b26206638a271accb32a44ca49b9 }\nsources:\n'));
    expect(() => loadPack(dir)).toThrow(InputError);
  });
});

describe('the Hunan pack with one source', () => {
  test('stays valid as it was written, without any restates link', () => {
    const dir = editedPack((t) => t.replace(/\n {4}restates: .*/g, ''));
    const pack = loadPack(dir);
    expect(pack.rules.filter((rule) => rule.restates)).toEqual([]);
    expect(pack.rules.map((rule) => rule.id)).toEqual(loadPack(BUNDLED_PACK).rules.map((rule) => rule.id));
    expect(Object.keys(pack.sourceTexts)).toEqual(['hunan-hrss-fazhi-2022-2025']);
  });
});

describe('restates links', () => {
  test('resolve to the national rule\'s citation, from the bundled pack', () => {
    const rule = loadPack(BUNDLED_PACK).rules.find((r) => r.id === 'HN-12-collective-discussion');
    expect(rule?.restated).toEqual({ pack: 'cn-national-baseline', rule: 'CN-MD-30-collective-discussion', document: '《重大行政决策程序暂行条例》', document_number: '中华人民共和国国务院令第713号', clause: '第三十条第一款', quote: '决策草案应当经决策机关常务会议或者全体会议讨论' });
  });

  test('a link to a rule the national pack does not have is refused at its place', () => {
    const dir = editedPack((t) => t.replace('rule: CN-MD-30-collective-discussion', 'rule: CN-MD-30-collective-discusion'));
    expect(problemsOf(dir)).toEqual([expect.objectContaining({ line: lineOf(dir, 'CN-MD-30-collective-discusion'), zh: '规则 HN-12-collective-discussion 的 restates 指向的规则 CN-MD-30-collective-discusion 不在规则包 cn-national-baseline 中' })]);
  });

  test('a link to a pack that is not bundled is refused', () => {
    const dir = editedPack((t) => t.replace('restates: { pack: cn-national-baseline, rule: CN-MD-15-comment-period }', 'restates: { pack: cn-provincial, rule: CN-MD-15-comment-period }'));
    expect(problemsOf(dir).map((p) => p.zh)).toEqual(['restates 指向的规则包 cn-provincial 不是随附的规则包']);
  });
});
