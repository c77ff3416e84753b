import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { CITY_ALL_MET, DELETE, EXAMPLES, readYaml, tempDir, type Data } from './helpers';

/**
 * A reviewer's folder for `plancheck notices`, made from the examples: a county that fails targets and lacks data
 * (its notice runs to three printed pages), the 2023 city that fails, a city that only lacks data (its name has
 * characters Windows refuses in a file name), and a city that meets everything and so gets no notice.
 */
export const MISSING_ONLY_NAME = '缺数据市人力资源和社会保障局:测试/分局';

function edited(base: string, edits: Record<string, unknown>): string {
  const data = readYaml(base);
  for (const [path, value] of Object.entries(edits)) {
    const keys = path.split('.');
    let node = data as Data;
    for (const key of keys.slice(0, -1)) node = node[key] as Data;
    if (value === DELETE) delete node[keys[keys.length - 1]];
    else node[keys[keys.length - 1]] = value;
  }
  return stringify(data);
}

export function writeNoticesFixture(): string {
  const root = join(tempDir(), '报送');
  mkdirSync(join(root, '2023'), { recursive: true });
  mkdirSync(join(root, '2024'), { recursive: true });
  copyFileSync(join(EXAMPLES, 'county-2024-with-failures.yaml'), join(root, '2024', 'county.yaml'));
  copyFileSync(CITY_ALL_MET, join(root, '2024', 'city-met.yaml'));
  copyFileSync(join(EXAMPLES, 'city-2023.yaml'), join(root, '2023', 'city-2023.yaml'));
  writeFileSync(
    join(root, '2024', 'city-missing.yaml'),
    edited(CITY_ALL_MET, { 'bureau.name': MISSING_ONLY_NAME, 'bureau.region_code': '439800', 'leadership.budgeted': DELETE, 'training.special_trainings': DELETE }),
  );
  return root;
}

/** The latest as_of of the fixture (city-2024-all-met.yaml and its variant): what the reply date counts from. */
export const LATEST_AS_OF = '2025-01-15';
/**
 * 15 working days after 2025-01-15, counted by hand from 国办发明电〔2024〕12号: the Spring Festival holiday runs
 * 28 January to 4 February, and Sunday 26 January and Saturday 8 February are worked.
 */
export const DEFAULT_REPLY_BY = '2025-02-11';

export interface NoticeItem {
  rule: string;
  status: string;
}

/** The targets a notice page lists, as its articles mark them. */
export function itemsOf(html: string): NoticeItem[] {
  return [...html.matchAll(/<article class="item" data-rule="([^"]+)" data-status="([^"]+)">/g)].map((m) => ({ rule: m[1], status: m[2] }));
}

export function filesIn(folder: string): string[] {
  return readdirSync(folder).sort();
}

export function read(folder: string, name: string): string {
  return readFileSync(join(folder, name), 'utf8');
}
