import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { operatorsForWording } from '../src/pack/wording';
import { loadPack } from '../src/pack/load';
import { BUNDLED_PACK } from '../src/core/paths';
import { checkJson, CITY_ALL_MET, ROOT, tempDir, variant } from './helpers';

describe('the Hunan pack', () => {
  const pack = loadPack(BUNDLED_PACK);

  test('names its plan: issuer, document number, date, years, and the source it quotes', () => {
    expect(pack).toMatchObject({ issuer: '湖南省人力资源和社会保障厅', document_number: '湘人社发〔2022〕51号', issued_on: '2022-09-06', years: { from: 2022, to: 2025 } });
    expect(pack.sourceText).toContain('湖南省人力资源和社会保障法治建设');
  });

  test('every quote stands verbatim in its item of the source text (after NFKC)', () => {
    const source = pack.sourceText.normalize('NFKC');
    for (const rule of pack.rules) expect(source).toContain(rule.citation.quote.normalize('NFKC'));
  });
});

describe('Chinese wordings set the comparison (《民法典》第一千二百五十九条)', () => {
  test.each([
    ['不低于', ['>=']],
    ['以上', ['>=']],
    ['不少于', ['>=']],
    ['以下', ['<=']],
    ['以内', ['<=']],
    ['个工作日内', ['<=']],
    ['超过', ['>']],
    ['不满', ['<']],
    ['达到', ['>=', '=']],
  ])('%s reads as %j', (wording, operators) => {
    expect(operatorsForWording(wording)).toEqual(operators);
  });
});

test('a new target of an existing kind is a YAML edit, with no code change', async () => {
  const dir = join(tempDir(), 'pack');
  cpSync(join(ROOT, 'rules', 'hunan-hrss-2022-2025'), dir, { recursive: true });
  const file = join(dir, 'pack.yaml');
  const rule = `
  - id: HN-12-risk-assessment-example
    title: { zh: 重大行政决策经集体讨论(示例), en: Example target added by editing YAML }
    citation: { clause: (十二), quote: 重大行政决策经局长办公会、局务会等会议讨论 }
    levels: [city, county]
    severity: minor
    check: { kind: every_record, list: major_decisions.items, conditions: [{ field: collective_discussion, test: is_true }], wording: 讨论 }
    levels_note: An example narrower than the quote's clause, which names no level.
`;
  writeFileSync(file, readFileSync(file, 'utf8') + rule);
  const bundled = loadPack(BUNDLED_PACK).rules.length;
  const met = await checkJson([CITY_ALL_MET], '--pack', dir);
  expect(met.submissions[0].findings).toHaveLength(bundled + 1);
  expect(met.submissions[0].findings[bundled]).toMatchObject({ rule: 'HN-12-risk-assessment-example', status: 'pass' });
  const missed = await checkJson([variant(CITY_ALL_MET, { 'major_decisions.items.0.collective_discussion': false })], '--pack', dir);
  expect(missed.submissions[0].findings[bundled]).toMatchObject({ status: 'fail', citation: { clause: '(十二)' } });
});
