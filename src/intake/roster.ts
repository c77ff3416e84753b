import { extname } from 'node:path';
import { bi } from '../core/i18n';
import type { Position } from '../core/place';
import { decodeUtf8 } from './encoding';
import { sha256Hex } from './format';
import { InputError, type InputProblem } from './problem';
import { readInputBytes } from './read-file';
import { parseYamlText } from './yaml';

/** A bureau's level, as the submissions name it (the pack's levels; intake sits below the pack, so the words are repeated here). */
export type Level = 'province' | 'city' | 'county';

/** One bureau a reviewer expects a submission from (cli-contract.md, "Rosters"). */
export interface RosterBureau {
  name: string;
  level: Level;
  /** Absent when the roster leaves it empty: the bureau is then matched by its name. */
  region_code?: string;
  /** The city a county belongs to: as given, else the first four digits of its code and `00`; a city's is its own code. */
  city_code?: string;
  /** Where the roster names it: the line of a CSV or YAML, the row's cell of a workbook. */
  at: Position;
}

export interface Roster {
  file: string;
  sha256: string;
  bureaus: RosterBureau[];
}

type Key = 'region_code' | 'name' | 'level' | 'city_code';

/** The headers a roster may use, English or Chinese, for each of its columns. */
const HEADERS: Readonly<Record<Key, readonly string[]>> = {
  region_code: ['region_code', '行政区划代码'],
  name: ['name', '单位名称'],
  level: ['level', '层级'],
  city_code: ['city_code', '所属市州代码'],
};
const LABELS: Readonly<Record<Key, string>> = { region_code: '行政区划代码', name: '单位名称', level: '层级', city_code: '所属市州代码' };
const REQUIRED: readonly Key[] = ['region_code', 'name', 'level'];

const LEVEL_WORDS: Readonly<Record<string, Level>> = { province: 'province', city: 'city', county: 'county', 省级: 'province', 市级: 'city', 县级: 'county' };

/** A roster's row before it is checked: each column's text and where it stands. */
interface RawRow {
  at: Position;
  cells: Partial<Record<Key, { text: string; at: Position }>>;
}

function keyOf(header: string): Key | undefined {
  const h = header.normalize('NFKC').trim().toLowerCase();
  return (Object.keys(HEADERS) as Key[]).find((key) => HEADERS[key].includes(h));
}

function missingColumns(file: string, keys: readonly (Key | undefined)[], at: Position): InputProblem[] {
  return REQUIRED.filter((key) => !keys.includes(key)).map((key) => ({
    file,
    at,
    message: bi(`名册缺少“${LABELS[key]}”列`, `The roster has no "${key}" column`),
    expected: bi('表头为 行政区划代码,单位名称,层级,所属市州代码(或 region_code,name,level,city_code)', 'a header row region_code,name,level,city_code (or 行政区划代码,单位名称,层级,所属市州代码)'),
  }));
}

/** CSV text split into rows of fields, each row with its line (RFC 4180 quoting; a quoted field may span lines). */
export function csvRows(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') fields.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) rows.push({ line: start, fields: [...fields, field] });
  return rows.filter((row) => row.fields.some((f) => f.trim() !== ''));
}

function csvRaw(file: string, bytes: Buffer): RawRow[] {
  const decoded = decodeUtf8(file, bytes);
  if ('problem' in decoded) throw new InputError([decoded.problem]);
  const rows = csvRows(decoded.text.replace(/^\uFEFF/, ''));
  if (rows.length === 0) throw new InputError(missingColumns(file, [], { line: 1 }));
  const keys = rows[0].fields.map(keyOf);
  const missing = missingColumns(file, keys, { line: rows[0].line });
  if (missing.length > 0) throw new InputError(missing);
  return rows.slice(1).map(({ line, fields }) => {
    const cells: RawRow['cells'] = {};
    keys.forEach((key, i) => {
      if (key) cells[key] = { text: fields[i] ?? '', at: { line } };
    });
    return { at: { line }, cells };
  });
}

function yamlRaw(file: string, bytes: Buffer): RawRow[] {
  const parsed = parseYamlText(file, bytes);
  const data = parsed.data as unknown;
  const underBureaus = data !== null && typeof data === 'object' && !Array.isArray(data);
  const list = underBureaus ? (data as Record<string, unknown>).bureaus : data;
  const prefix: (string | number)[] = underBureaus ? ['bureaus'] : [];
  if (!Array.isArray(list)) {
    throw new InputError([{ file, at: { line: 1 }, message: bi('名册应是单位的列表(写在顶层或 bureaus: 之下)', 'A roster is a list of bureaus, at the top level or under bureaus:'), expected: bi('每个单位写 region_code、name、level,县级可写 city_code', 'each bureau with region_code, name, level, and for a county city_code') }]);
  }
  return list.map((entry, index) => {
    const at = parsed.locate([...prefix, index]);
    const cells: RawRow['cells'] = {};
    if (entry !== null && typeof entry === 'object') {
      for (const [header, value] of Object.entries(entry as Record<string, unknown>)) {
        const key = keyOf(header);
        if (key && value !== null && value !== undefined) cells[key] = { text: String(value), at: parsed.locate([...prefix, index, header]) };
      }
    }
    return { at, cells };
  });
}

async function xlsxRaw(file: string, bytes: Buffer): Promise<RawRow[]> {
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new InputError([{ file, message: bi('无法打开这个 .xlsx 名册:它不是有效的 Excel 工作簿', 'Cannot open this .xlsx roster: it is not a valid Excel workbook') }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new InputError(missingColumns(file, [], { line: 1 }));
  const text = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && 'richText' in (value as object)) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    if (typeof value === 'object' && 'result' in (value as object)) return String((value as { result: unknown }).result ?? '');
    return String(value);
  };
  const header = sheet.getRow(1);
  const keys: (Key | undefined)[] = [];
  header.eachCell({ includeEmpty: true }, (cell, column) => (keys[column] = keyOf(text(cell.value))));
  const missing = missingColumns(file, keys, { sheet: sheet.name, cell: 'A1' });
  if (missing.length > 0) throw new InputError(missing);
  const rows: RawRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: RawRow['cells'] = {};
    keys.forEach((key, column) => {
      if (!key) return;
      const cell = row.getCell(column);
      cells[key] = { text: text(cell.value), at: { sheet: sheet.name, cell: cell.address } };
    });
    if (Object.values(cells).some((c) => c && c.text.trim() !== '')) rows.push({ at: { sheet: sheet.name, cell: `A${r}` }, cells });
  }
  return rows;
}

/** The rows checked: a known level, a name, six-digit codes, no code or (uncoded) name twice. */
function bureausOf(file: string, raw: readonly RawRow[]): RosterBureau[] {
  const problems: InputProblem[] = [];
  const bureaus: RosterBureau[] = [];
  const seenCodes = new Map<string, Position>();
  const seenNames = new Set<string>();
  for (const row of raw) {
    const value = (key: Key): string => (row.cells[key]?.text ?? '').normalize('NFKC').trim();
    const place = (key: Key): Position => row.cells[key]?.at ?? row.at;
    const name = value('name');
    const levelWord = value('level');
    const level = LEVEL_WORDS[levelWord.toLowerCase()] ?? LEVEL_WORDS[levelWord];
    const code = value('region_code');
    const cityCode = value('city_code');
    const before = problems.length;
    if (!name) problems.push({ file, at: place('name'), label: bi(LABELS.name, 'name'), message: bi('单位名称没有填写', 'The name is empty'), expected: bi('单位全称,如 长沙市人力资源和社会保障局', "the bureau's full name") });
    if (!level) problems.push({ file, at: place('level'), label: bi(LABELS.level, 'level'), message: bi(levelWord ? `层级“${levelWord}”无法识别` : '层级没有填写', levelWord ? `Unknown level "${levelWord}"` : 'The level is empty'), expected: bi('省级、市级或县级(或 province、city、county)', 'province, city or county (or 省级, 市级, 县级)') });
    for (const [key, text] of [['region_code', code], ['city_code', cityCode]] as const) {
      if (text && !/^\d{6}$/.test(text)) problems.push({ file, at: place(key), label: bi(LABELS[key], key), message: bi(`${LABELS[key]}“${text}”不是 6 位数字`, `${key} "${text}" is not six digits`), expected: bi('6 位数字的行政区划代码,如 430100', 'a six-digit region code, e.g. 430100') });
    }
    if (code && seenCodes.has(code)) problems.push({ file, at: place('region_code'), label: bi(LABELS.region_code, 'region_code'), message: bi(`行政区划代码 ${code} 重复`, `The region code ${code} appears twice`), expected: bi('每个单位只列一次', 'each bureau listed once') });
    if (!code && name && seenNames.has(name)) problems.push({ file, at: place('name'), label: bi(LABELS.name, 'name'), message: bi(`单位“${name}”重复`, `The bureau "${name}" appears twice`), expected: bi('每个单位只列一次', 'each bureau listed once') });
    if (code) seenCodes.set(code, row.at);
    if (name) seenNames.add(name);
    if (problems.length > before || !level) continue;
    const city = level === 'city' ? code || undefined : level === 'county' ? cityCode || (code ? `${code.slice(0, 4)}00` : undefined) : undefined;
    bureaus.push({ name, level, ...(code ? { region_code: code } : {}), ...(city ? { city_code: city } : {}), at: row.at });
  }
  if (problems.length > 0) throw new InputError(problems);
  return bureaus;
}

/**
 * Reads a roster: CSV (UTF-8, with or without BOM), YAML (a list, at the top or under `bureaus:`) or the first sheet
 * of an xlsx workbook (exceljs loaded only then). A mistake is an InputError placed at its line or cell.
 */
export async function readRoster(file: string): Promise<Roster> {
  const bytes = readInputBytes(file, undefined, false, bi('一个存在且可读的名册文件(.csv、.yaml、.yml 或 .xlsx)', 'a roster file (.csv, .yaml, .yml or .xlsx) that exists and can be read'));
  const ending = extname(file).toLowerCase();
  let raw: RawRow[];
  if (ending === '.csv') raw = csvRaw(file, bytes);
  else if (ending === '.yaml' || ending === '.yml') raw = yamlRaw(file, bytes);
  else if (ending === '.xlsx') raw = await xlsxRaw(file, bytes);
  else throw new InputError([{ file, message: bi('名册应是 .csv、.yaml、.yml 或 .xlsx 文件', 'A roster is a .csv, .yaml, .yml or .xlsx file'), expected: bi('.csv、.yaml、.yml 或 .xlsx', '.csv, .yaml, .yml or .xlsx') }]);
  return { file, sha256: sha256Hex(bytes), bureaus: bureausOf(file, raw) };
}
