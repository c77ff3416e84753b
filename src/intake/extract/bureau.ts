/**
 * The bureau and the year a report is about, from its title and opening (and, failing those, its signature):
 * `上海市人力资源和社会保障局` is province-level (Shanghai is one of the four municipalities directly under the
 * central government), `武汉市…` city-level, `徐闻县…` county-level. The readings of a place:
 * - a 省 or 自治区, a bureau named 厅, or one of the four municipalities alone: `province`;
 * - a 市 (alone or under a province), 州, 地区 or 盟: `city`;
 * - a 县, 区 or 旗, or a 市 under another 市 or 州 (a county-level city): `county`.
 * A name without its place (市人社局, 市人力资源社会保障局) is not taken.
 */
import type { DraftBureau } from './draft-types';
import type { Phrasings } from './phrasings';
import { foldWidth } from './sentences';

/** How a place's name ends, longest first, and the kind of place it is. */
const PLACE_SUFFIXES: ReadonlyArray<[string, 'province' | 'city' | 'county']> = [
  ['自治区', 'province'], ['自治州', 'city'], ['自治县', 'county'], ['地区', 'city'], ['新区', 'county'],
  ['省', 'province'], ['市', 'city'], ['州', 'city'], ['盟', 'city'], ['县', 'county'], ['区', 'county'], ['旗', 'county'],
];
/** Characters no place name holds: they belong to the words before a name (2020年度, 关于). */
const NOT_IN_PLACE = /[年度于的在和与及是为对将由向从]/;

interface PlaceUnit {
  name: string;
  kind: 'province' | 'city' | 'county';
}

/** The place units that make up all of `text` (湖南省长沙市 → 湖南省, 长沙市), or undefined. */
function placeUnits(text: string): PlaceUnit[] | undefined {
  if (text.length === 0) return [];
  for (let length = 2; length <= Math.min(12, text.length); length += 1) {
    const unit = text.slice(0, length);
    const suffix = PLACE_SUFFIXES.find(([end]) => unit.endsWith(end) && unit.length > end.length);
    if (!suffix || NOT_IN_PLACE.test(unit)) continue;
    const rest = placeUnits(text.slice(length));
    if (rest) return [{ name: unit, kind: suffix[1] }, ...rest];
  }
  return undefined;
}

/** The level of a bureau from its place units and the name's ending. */
function levelOf(units: readonly PlaceUnit[], ending: string, municipalities: readonly string[]): DraftBureau['level'] {
  if (ending.endsWith('厅')) return 'province';
  const last = units[units.length - 1];
  if (last.kind === 'province') return 'province';
  if (last.kind === 'county') return 'county';
  // A 市: a municipality alone is a province; a 市 under a 市 or 州 is a county-level city.
  const above = units[units.length - 2];
  if (!above) return municipalities.includes(last.name) ? 'province' : 'city';
  return above.kind === 'city' ? 'county' : 'city';
}

/** The bureau named in one paragraph, with its place, or undefined. */
function bureauIn(paragraph: string, phrasings: Phrasings): { name: string; level: DraftBureau['level'] } | undefined {
  const text = foldWidth(paragraph);
  const endings = [...phrasings.bureau.name_endings].sort((a, b) => b.length - a.length);
  for (let at = 0; at < text.length; at += 1) {
    const ending = endings.find((end) => text.startsWith(end, at));
    if (!ending) continue;
    // The run of Chinese characters just before the ending holds the place, perhaps after other words.
    let start = at;
    while (start > 0 && at - start < 20 && /[\u4e00-\u9fff]/.test(text[start - 1])) start -= 1;
    const run = text.slice(start, at);
    for (let s = 0; s < run.length; s += 1) {
      const units = placeUnits(run.slice(s));
      if (units && units.length > 0) {
        return { name: paragraph.slice(start + s, at + ending.length), level: levelOf(units, ending, phrasings.bureau.municipalities) };
      }
    }
  }
  return undefined;
}

/** The bureau of a report: the title first, then the opening paragraphs, then the signature at the end. */
export function readBureau(paragraphs: readonly string[], phrasings: Phrasings): DraftBureau {
  const order = [0, 1, 2, ...Array.from({ length: Math.min(6, paragraphs.length) }, (_, i) => paragraphs.length - 1 - i)];
  const seen = new Set<number>();
  for (const index of order) {
    if (index < 0 || index >= paragraphs.length || seen.has(index)) continue;
    seen.add(index);
    const found = bureauIn(paragraphs[index], phrasings);
    if (found) return { name: found.name, level: found.level, paragraph: index + 1 };
  }
  return {};
}

/** The year a report is about: the first four-digit year of the title, else of an opening that starts with one. */
export function readYear(paragraphs: readonly string[]): { year: number; paragraph: number } | undefined {
  const yearOf = (text: string, atStart: boolean): number | undefined => {
    const match = (atStart ? /^(\d{4})年/ : /(\d{4})年/).exec(foldWidth(text).trim());
    const year = match ? Number(match[1]) : undefined;
    return year !== undefined && year >= 1990 && year <= 2100 ? year : undefined;
  };
  const title = paragraphs[0] === undefined ? undefined : yearOf(paragraphs[0], false);
  if (title !== undefined && paragraphs[0].length <= 80) return { year: title, paragraph: 1 };
  for (let i = 0; i < Math.min(3, paragraphs.length); i += 1) {
    const year = yearOf(paragraphs[i], true);
    if (year !== undefined) return { year, paragraph: i + 1 };
  }
  return undefined;
}
