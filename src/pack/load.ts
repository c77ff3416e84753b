import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { bi, type Bilingual } from '../core/i18n';
import { InputError, type InputProblem } from '../intake/problem';
import { validateAgainst } from '../intake/schema-validator';
import { sha256Hex } from '../intake/format';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import { readInputBytes } from '../intake/read-file';
import { parseYamlText } from '../intake/yaml';
import { provedPack } from './proved';
import { ruleFieldProblems } from './fields';
import { datedValueProblems, itemSections, nfkc, packStructureProblems, ruleFidelityProblems } from './fidelity';
import type { PackDefinition, RulePack } from './types';
import { lineOf, type Position } from '../core/place';

const PACK_FILE = 'pack.yaml';
/** A plan's full text is tens of kilobytes (the Hunan plan: 27 KB); a larger `source.file` is not one. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** A pack is a folder holding pack.yaml and its source text, or the pack.yaml itself. */
function packFile(path: string): string {
  try {
    return statSync(path).isDirectory() ? join(path, PACK_FILE) : path;
  } catch {
    return path;
  }
}

/**
 * Loads a rule pack and proves it against its source: schema, the source's hash, and every quote,
 * clause and wording. A pack that does not hold is refused whole, with each problem placed.
 */
export function loadPack(path: string): RulePack {
  const file = packFile(path);
  const bytes = readInputBytes(file);
  return provedAtBuild(file, bytes) ?? provePack(file, bytes);
}

/** The pack as the build proved it, when pack.yaml and its source are the bytes it proved, else undefined. */
function provedAtBuild(file: string, bytes: Buffer): RulePack | undefined {
  const sha256 = sha256Hex(bytes);
  const proof = provedPack(sha256);
  if (!proof) return undefined;
  let sourceBytes: Buffer;
  try {
    sourceBytes = readSource(file, proof.definition.source.file, () => ({ line: 1, column: 1 }));
  } catch {
    // Proved again, which says what is wrong with the source, and where.
    return undefined;
  }
  if (sha256Hex(sourceBytes) !== proof.sourceSha256) return undefined;
  return { ...proof.definition, file, sha256, sourceText: sourceBytes.toString('utf8') };
}

/** What a pack was loaded from, without the run's own fields: what a proof keeps. */
export function definitionOf(pack: RulePack): PackDefinition {
  const { file: _file, sha256: _sha256, sourceText: _sourceText, ...definition } = pack;
  return definition;
}

/** Parses, validates and proves a pack against its source (see loadPack). */
export function provePack(file: string, bytes: Buffer): RulePack {
  const parsed = parseYamlText(file, bytes);
  const schemaProblems = validateAgainst('rule-pack.schema.json', parsed);
  if (schemaProblems.length > 0) throw new InputError(schemaProblems);
  const definition = parsed.data as PackDefinition;

  const sourceBytes = readSource(file, definition.source.file, (path) => parsed.locate(path));
  const problems: InputProblem[] = [];
  if (sha256Hex(sourceBytes) !== definition.source.sha256) {
    problems.push({
      file,
      at: parsed.locate(['source', 'sha256']),
      field: 'source.sha256',
      message: bi('原文文件的 sha256 与规则包记载的不一致:原文被改动过,请核对后更新', 'The source text does not hash to the sha256 the pack records: it was changed; check it, then update the hash'),
      expected: bi(sha256Hex(sourceBytes), sha256Hex(sourceBytes)),
    });
  }
  const sourceText = sourceBytes.toString('utf8');
  const normalized = nfkc(sourceText);
  const sections = itemSections(normalized);
  for (const message of packStructureProblems(definition, sections)) problems.push({ file, at: { line: 1, column: 1 }, message });
  definition.rules.forEach((rule, index) => {
    for (const message of ruleFidelityProblems(rule, sections, normalized)) {
      problems.push({ file, at: parsed.locate(['rules', index, 'citation', 'quote']), field: `rules[${index}]`, message });
    }
    for (const { at, message } of datedValueProblems(rule, sections)) {
      const path = ['rules', index, ...at];
      problems.push({ file, at: parsed.locate(path), field: formatFieldPath(path), message });
    }
    problems.push(...ruleFieldProblems(rule, index, file, (path) => parsed.locate(path)));
  });
  // In line order, as a person goes through the file (the sort is stable: one line's problems keep their order).
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => lineOf(a) - lineOf(b)));
  return { ...definition, file, sha256: parsed.sha256, sourceText };
}

function kindOfFile(stats: Stats): Bilingual {
  if (stats.isDirectory()) return bi('文件夹', 'a folder');
  if (stats.isFIFO()) return bi('命名管道(FIFO)', 'a named pipe (FIFO)');
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return bi('设备', 'a device');
  if (stats.isSocket()) return bi('套接字', 'a socket');
  return bi('特殊文件', 'a special file');
}

/**
 * The pack's source text: a regular file inside the pack's folder (or a folder below it), of a plan's size. A path
 * that leaves the folder (`..`, an absolute path elsewhere, a link pointing out), a device, a pipe or a huge file is
 * refused in words before a byte is read, so a pack cannot make the tool read, hash or hang on another file.
 */
function readSource(file: string, written: string, locate: (path: FieldPath) => Position): Buffer {
  const refuse = (message: Bilingual, expected?: Bilingual): never => {
    throw new InputError([{ file, at: locate(['source', 'file']), field: 'source.file', message, expected: expected ?? bi('规则包文件夹中的原文文本文件,如 source.txt', "the plan's text, a file in the pack's folder, such as source.txt") }]);
  };
  const folder = resolve(dirname(file));
  const target = resolve(folder, written);
  const inside = (base: string, path: string): boolean => {
    const rel = relative(base, path);
    return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  const outside = bi(`规则包的原文文件 ${written} 不在规则包所在的文件夹 ${folder} 中`, `The pack's source text ${written} lies outside the pack's folder ${folder}`);
  if (!inside(folder, target)) refuse(outside);
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync(target);
    stats = statSync(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return refuse(code === 'ENOENT' || code === 'ENOTDIR' ? bi(`找不到规则包的原文文件 ${target}`, `The pack's source text ${target} does not exist`) : bi(`无法读取规则包的原文文件 ${target}(${code})`, `The pack's source text ${target} cannot be read (${code})`));
  }
  if (!inside(realpathSync(folder), real)) refuse(bi(`${outside.zh}:它是指向 ${real} 的链接`, `${outside.en}: it is a link to ${real}`));
  const size = (bytes: number): Bilingual => bi(`规则包的原文文件 ${target} 过大(${bytes} 字节,上限 ${MAX_SOURCE_BYTES} 字节)`, `The pack's source text ${target} is too large (${bytes} bytes; at most ${MAX_SOURCE_BYTES})`);
  if (!stats.isFile()) refuse(bi(`规则包的原文文件 ${target} 不是普通文件,而是${kindOfFile(stats).zh}`, `The pack's source text ${target} is not a regular file but ${kindOfFile(stats).en}`));
  if (stats.size > MAX_SOURCE_BYTES) refuse(size(stats.size));
  // Opened without blocking, and checked again once open: a pipe put in its place meanwhile cannot hang the run.
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return refuse(bi(`无法读取规则包的原文文件 ${target}(${(error as NodeJS.ErrnoException).code ?? 'EIO'})`, `The pack's source text ${target} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'EIO'})`));
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) refuse(bi(`规则包的原文文件 ${target} 不是普通文件,而是${kindOfFile(opened).zh}`, `The pack's source text ${target} is not a regular file but ${kindOfFile(opened).en}`));
    const buffer = Buffer.alloc(Math.min(opened.size, MAX_SOURCE_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_SOURCE_BYTES) refuse(size(length));
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
