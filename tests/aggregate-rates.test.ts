import { join } from 'node:path';
import { bin, ROOT, writeTemp } from './helpers';

/**
 * A narrative report states "规范性文件合法性审核率、报备率均达100%" and lists no records: the submission gives the
 * six aggregate rates (cli-contract.md, "Record-level and aggregate fields"), and the rules that read records check
 * the rate instead, exactly against 100% (docs/aggregate-rates.md). Run through the built CLI, as a bureau runs it.
 */

const NATIONAL = join(ROOT, 'rules', 'cn-national-baseline');
const HUNAN = join(ROOT, 'rules', 'hunan-hrss-2022-2025');
const SOURCE = '2024年度法治政府建设情况报告 二、(一)';

const RULES = ['HN-10-legality-review', 'HN-10-filing', 'HN-12-collective-discussion', 'HN-12-archived', 'HN-14-certified-officers'] as const;

/** A county submission of 2024 with only the given sections (YAML text), nothing else filled in. */
function submission(body: string): string {
  const head = ['bureau: { name: 示例县人力资源和社会保障局, level: county, region_code: "430121" }', 'year: 2024', 'as_of: 2025-01-15'];
  return writeTemp('报送.yaml', `${head.join('\n')}\n${body}`);
}

/** Every rate stated as `rate`, each with the report's sentence as its source. */
function allRates(rate: string): string {
  const stated = `{ value: "${rate}", source: "${SOURCE}" }`;
  return [
    'normative_documents:',
    `  legality_review_rate: ${stated}`,
    `  filing_rate: ${stated}`,
    'major_decisions:',
    `  collective_discussion_rate: ${stated}`,
    `  legality_review_rate: ${stated}`,
    `  archive_rate: ${stated}`,
    'enforcement:',
    `  certified_rate: ${stated}`,
    '',
  ].join('\n');
}

interface JsonFinding {
  rule: string;
  status: string;
  actual: unknown;
  message: { zh: string; en: string };
  evidence: { field?: string; line?: number; source?: string; record?: string; detail: string }[];
}

function findings(file: string, ...args: string[]): { status: number; byRule: Map<string, JsonFinding> } {
  const run = bin(['check', file, '--format', 'json', ...args]);
  const parsed = JSON.parse(run.stdout) as { submissions: { findings: JsonFinding[] }[] };
  return { status: run.status, byRule: new Map(parsed.submissions[0].findings.map((f) => [f.rule, f])) };
}

describe('a report that states only rates', () => {
  test('every rate at 100% passes each rule, and its finding says the stated rate was checked, with its source and place', () => {
    const file = submission(allRates('100%'));
    const { status, byRule } = findings(file);
    // Everything else is left out, so the submission as a whole is incomplete (3), never met.
    expect(status).toBe(3);
    for (const rule of RULES) {
      const finding = byRule.get(rule) as JsonFinding;
      expect([rule, finding.status]).toEqual([rule, 'pass']);
      expect(finding.actual).toBe(1);
      expect(finding.message.zh).toContain(`检查(出处:${SOURCE}):实际 100%,要求 = 100%,符合`);
      expect(finding.message.en).toContain(`(source: ${SOURCE}): found 100%, required = 100%: met`);
      expect(finding.evidence).toHaveLength(1);
      expect(finding.evidence[0]).toMatchObject({ source: SOURCE });
      expect(finding.evidence[0].line).toBeGreaterThan(3);
    }
    expect(byRule.get('HN-10-filing')?.message.zh).toBe(`规范性文件备案:依据所报的规范性文件备案率检查(出处:${SOURCE}):实际 100%,要求 = 100%,符合`);
    expect(byRule.get('HN-10-filing')?.evidence[0]).toMatchObject({ field: 'normative_documents.filing_rate', line: 6 });
    expect(byRule.get('HN-14-certified-officers')?.evidence[0]).toMatchObject({ field: 'enforcement.certified_rate', line: 12 });
  });

  test.each(['99%', '99.999%', '99.9999999%'])('a rate of %s fails each rule (exactly, never rounded up to 100%%), exit 1', (rate) => {
    const file = submission(allRates(rate));
    const { status, byRule } = findings(file);
    expect(status).toBe(1);
    for (const rule of RULES) {
      const finding = byRule.get(rule) as JsonFinding;
      expect([rule, finding.status]).toEqual([rule, 'fail']);
      expect(finding.message.zh).toContain(`实际 ${rate},要求 = 100%,未达到`);
      expect(finding.evidence[0].detail).toContain(`= ${rate}`);
    }
  });

  test('the table a clerk reads names the rate, its source and the shortfall in Chinese; --lang en in English', () => {
    const file = submission('normative_documents:\n  filing_rate: { value: "99.999%", source: "2024年度报告 二、(一)" }\n');
    const zh = bin(['check', file]);
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain('规范性文件备案:依据所报的规范性文件备案率检查(出处:2024年度报告 二、(一)):实际 99.999%,要求 = 100%,未达到');
    expect(zh.stdout).not.toMatch(/first_given|threshold|undefined/);
    const en = bin(['check', file, '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('Filing of normative documents: checked on the stated Filing rate of normative documents (source: 2024年度报告 二、(一)): found 99.999%, required = 100%: not met');
  });

  test('a rate written as a ratio: 1 passes, 0.99999 fails', () => {
    expect(findings(submission('enforcement:\n  certified_rate: 1\n')).byRule.get('HN-14-certified-officers')?.status).toBe('pass');
    const short = findings(submission('enforcement:\n  certified_rate: 0.99999\n')).byRule.get('HN-14-certified-officers') as JsonFinding;
    expect(short.status).toBe('fail');
    expect(short.message.zh).toContain('依据所报的行政执法人员持证上岗率检查(未注明出处):实际 99.999%');
  });

  test('neither records nor a rate: missing data naming both, never a pass', () => {
    const { status, byRule } = findings(submission('normative_documents:\n  three_unified: true\n'));
    expect(status).toBe(3);
    const finding = byRule.get('HN-10-legality-review') as JsonFinding;
    expect(finding.status).toBe('missing_data');
    expect(finding.actual).toBeNull();
    expect(finding.message.zh).toBe('规范性文件合法性审查:缺少数据:未填写规范性文件,也未填写规范性文件合法性审查率;填写其中之一即可检查,缺少数据不视为通过');
    expect(finding.message.en).toContain('missing data never counts as a pass');
    expect(byRule.get('HN-14-certified-officers')?.message.zh).toContain('未填写持证执法人员数、执法人员数,也未填写行政执法人员持证上岗率');
  });

  test('records and a rate both given: the records decide, and the disagreement is said', () => {
    const file = submission(['major_decisions:', '  collective_discussion_rate: 100%', '  items:', '    - { id: MD-2024-01, collective_discussion: false, archived: true }', ''].join('\n'));
    const { status, byRule } = findings(file);
    expect(status).toBe(1);
    const finding = byRule.get('HN-12-collective-discussion') as JsonFinding;
    expect(finding.status).toBe('fail');
    expect(finding.evidence.map((e) => e.record)).toEqual(['MD-2024-01']);
    expect(finding.message.zh).toBe(
      '重大行政决策集体讨论率:依据所列记录(重大行政决策)检查:1/1 条记录不符合:MD-2024-01;另报的重大行政决策集体讨论率为 100%,与所列记录的结论不一致,以所列记录为准',
    );
    // No rate given for archiving: the records alone decide it, and they pass.
    expect(byRule.get('HN-12-archived')?.status).toBe('pass');
  });

  test('"none this year" ([]) keeps its meaning beside a rate: not applicable', () => {
    const { byRule } = findings(submission('normative_documents:\n  items: []\n  filing_rate: 99%\n'));
    expect(byRule.get('HN-10-filing')?.status).toBe('not_applicable');
  });

  test('the national pack reads the major-decision rates too (第二十五条, 第三十条)', () => {
    const file = submission('major_decisions:\n  legality_review_rate: 100%\n  collective_discussion_rate: "99.99%"\n');
    const { byRule } = findings(file, '--pack', NATIONAL, '--pack', HUNAN);
    expect(byRule.get('CN-MD-25-legality-review')?.status).toBe('pass');
    expect(byRule.get('CN-MD-25-legality-review')?.message.zh).toContain('依据所报的重大行政决策合法性审查率检查');
    expect(byRule.get('CN-MD-30-collective-discussion')?.status).toBe('fail');
    expect(byRule.get('HN-12-collective-discussion')?.status).toBe('fail');
  });

  test('a rate above 100% is refused with its place and Chinese label, exit 2', () => {
    const run = bin(['check', submission('normative_documents:\n  filing_rate: 1.5\n')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('第 5 行第 16 列: 规范性文件备案率 1.5 有歧义');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\bat .*\.js:\d+/);
  });

  test('the same input gives the same bytes', () => {
    const file = submission(allRates('99%'));
    expect(bin(['check', file, '--format', 'json']).stdout).toBe(bin(['check', file, '--format', 'json']).stdout);
  });
});
