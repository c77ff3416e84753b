import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { bi, type Bilingual } from '../core/i18n';
import { InputError, isInputError, type InputProblem } from '../intake/problem';
import { validateAgainst } from '../intake/schema-validator';
import { sha256Hex } from '../intake/format';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import { readInputBytes } from '../intake/read-file';
import { parseYamlText, type YamlDocument } from '../intake/yaml';
import { provedPack } from './proved';
import { DATED_HINT } from './thresholds';
import { ruleFieldProblems } from './fields';
import { clauseSections, datedValueProblems, nfkc, packStructureProblems, ruleFidelityProblems, type ProofMessage } from './fidelity';
import { citedSource, packSources, type PackSource } from './sources';
import { resolveRestatements, restatementProblems } from './restates';
import type { PackDefinition, RulePack } from './types';
import { lineOf, type Position } from '../core/place';

const PACK_FILE = 'pack.yaml';
/** A plan's full text is tens of kilobytes (the Hunan plan: 27 KB); a larger `source.file` is not one. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** A pack is a folder holding pack.yaml and its source text, or the pack.yaml itself. */
export function packFile(path: string): string {
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

/** The pack as the build proved it, when pack.yaml and every source are the bytes it proved, else undefined. */
function provedAtBuild(file: string, bytes: Buffer): RulePack | undefined {
  const sha256 = sha256Hex(bytes);
  const proof = provedPack(sha256);
  if (!proof) return undefined;
  const texts: Record<string, string> = {};
  for (const source of packSources(proof.definition)) {
    let sourceBytes: Buffer;
    try {
      sourceBytes = readSource(file, source, () => ({ line: 1, column: 1 }));
    } catch {
      // Proved again, which says what is wrong with the source, and where.
      return undefined;
    }
    if (sha256Hex(sourceBytes) !== proof.sources[source.id]) return undefined;
    texts[source.id] = sourceBytes.toString('utf8');
  }
  const pack = withTexts({ ...proof.definition, file, sha256 }, texts);
  // A restated rule of another pack is looked up again on every load: that pack may have changed since.
  return restatementProblems(pack, loadPack).length > 0 ? undefined : resolveRestatements(pack, loadPack);
}

function withTexts(pack: PackDefinition & { file: string; sha256: string }, texts: Record<string, string>): RulePack {
  return { ...pack, sourceText: Object.values(texts)[0] ?? '', sourceTexts: texts };
}

/** What a pack was loaded from, without the run's own fields: what a proof keeps. */
export function definitionOf(pack: RulePack): PackDefinition {
  const { file: _file, sha256: _sha256, sourceText: _sourceText, sourceTexts: _sourceTexts, ...definition } = pack;
  return { ...definition, rules: definition.rules.map(({ restated: _restated, ...rule }) => rule) };
}

/** One thing a pack's proof finds wrong, placed, with how to fix it where the proof knows (`pack lint` shows it). */
export interface ProofProblem extends InputProblem {
  hint?: Bilingual;
}

/** Everything the proof of a pack finds: its parsed file, its definition once the schema holds, and every problem. */
export interface PackProof {
  parsed: YamlDocument;
  /** Absent when the schema refuses the pack: nothing further can be proved of it. */
  definition?: PackDefinition;
  /** Each source's text by its id, once every source could be read. */
  sourceTexts?: Record<string, string>;
  /** In line order, as a person goes through the file. */
  problems: ProofProblem[];
}

const placed = ({ hint, ...message }: ProofMessage): Pick<ProofProblem, 'message' | 'hint'> => ({ message: bi(message.zh, message.en), ...(hint ? { hint } : {}) });

/**
 * Proves a pack against its sources, collecting every problem rather than stopping at the first: the schema (and,
 * when it holds) each source's hash, each quote, clause, wording and operator, each field the rules read, and each
 * link to a restated rule. Throws only when pack.yaml is not YAML at all: then there is nothing to prove.
 */
export function proofOf(file: string, bytes: Buffer): PackProof {
  const parsed = parseYamlText(file, bytes);
  const schemaProblems = validateAgainst('rule-pack.schema.json', parsed);
  if (schemaProblems.length > 0) return { parsed, problems: schemaProblems };
  const definition = parsed.data as PackDefinition;
  const locate = (path: FieldPath): Position => parsed.locate(path);

  const problems: ProofProblem[] = [];
  let proofs: SourceProof[];
  try {
    proofs = packSources(definition).map((source) => proveSource(file, source, locate, problems));
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { parsed, definition, problems: [...error.problems] };
  }
  const sources = new Map(proofs.map((proof) => [proof.source.id, proof]));
  if (sources.size < proofs.length) problems.push({ file, at: locate(['sources']), field: 'sources', message: bi('原文的编号(id)重复', 'Two source texts have the same id'), hint: bi('给每份原文一个不同的 id', 'give each source text an id of its own') });
  const [first] = proofs;
  for (const message of packStructureProblems(definition, first.sections)) problems.push({ file, at: { line: 1, column: 1 }, ...placed(message) });
  definition.rules.forEach((rule, index) => {
    const cited = citedSource(proofs.map((proof) => ({ ...proof.source, proof })), rule);
    if (!cited) {
      const ids = proofs.map((proof) => proof.source.id).join('、');
      const message = rule.citation.document === undefined
        ? bi(`规则 ${rule.id} 未写明引用的原文(citation.document):本规则包有多份原文(${ids})`, `Rule ${rule.id} does not name the source it cites (citation.document): this pack has several (${ids})`)
        : bi(`规则 ${rule.id} 引用的原文 ${rule.citation.document} 不在本规则包的原文中(${ids})`, `Rule ${rule.id} cites the source ${rule.citation.document}, which is not one of this pack's (${ids})`);
      problems.push({ file, at: locate(['rules', index, 'citation']), field: `rules[${index}].citation.document`, message, hint: bi(`citation.document 写成 ${ids} 之一`, `set citation.document to one of ${ids}`) });
    } else {
      for (const message of ruleFidelityProblems(rule, cited.proof.sections, cited.proof.normalized)) {
        problems.push({ file, at: locate(['rules', index, 'citation', 'quote']), field: `rules[${index}]`, ...placed(message) });
      }
      for (const { at, message } of datedValueProblems(rule, cited.proof.sections)) {
        const path = ['rules', index, ...at];
        problems.push({ file, at: locate(path), field: formatFieldPath(path), message, hint: DATED_HINT });
      }
    }
    problems.push(...ruleFieldProblems(rule, index, file, locate));
  });
  for (const { index, message } of restatementProblems(definition, loadPack)) problems.push({ file, at: locate(['rules', index, 'restates']), field: `rules[${index}].restates`, message });
  const sourceTexts = Object.fromEntries(proofs.map((proof) => [proof.source.id, proof.text]));
  // In line order, as a person goes through the file (the sort is stable: one line's problems keep their order).
  return { parsed, definition, sourceTexts, problems: problems.sort((a, b) => lineOf(a) - lineOf(b)) };
}

/** Parses, validates and proves a pack against its sources (see loadPack); a pack that does not hold is refused whole. */
export function provePack(file: string, bytes: Buffer): RulePack {
  const { parsed, definition, sourceTexts, problems } = proofOf(file, bytes);
  if (problems.length > 0 || !definition || !sourceTexts) throw new InputError(problems);
  return resolveRestatements(withTexts({ ...definition, file, sha256: parsed.sha256 }, sourceTexts), loadPack);
}

interface SourceProof {
  source: PackSource;
  text: string;
  normalized: string;
  sections: Map<string, string>;
}

/** One source text, read and held to its sha256; its clauses (items, articles) ready for the quotes. */
function proveSource(file: string, source: PackSource, locate: (path: FieldPath) => Position, problems: ProofProblem[]): SourceProof {
  const sourceBytes = readSource(file, source, locate);
  if (sha256Hex(sourceBytes) !== source.sha256) {
    const field = [...source.path, 'sha256'];
    problems.push({
      file,
      at: locate(field),
      field: formatFieldPath(field),
      message: bi('原文文件的 sha256 与规则包记载的不一致:原文被改动过,请核对后更新', 'The source text does not hash to the sha256 the pack records: it was changed; check it, then update the hash'),
      expected: bi(sha256Hex(sourceBytes), sha256Hex(sourceBytes)),
      hint: bi(`核对 ${source.file} 确为原文后,把 ${formatFieldPath(field)} 改为 ${sha256Hex(sourceBytes)}`, `once ${source.file} is checked to be the source text, set ${formatFieldPath(field)} to ${sha256Hex(sourceBytes)}`),
    });
  }
  const text = sourceBytes.toString('utf8');
  const normalized = nfkc(text);
  return { source, text, normalized, sections: clauseSections(normalized) };
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
function readSource(file: string, source: PackSource, locate: (path: FieldPath) => Position): Buffer {
  const written = source.file;
  const at = [...source.path, 'file'];
  const field = formatFieldPath(at);
  const refuse = (message: Bilingual, expected?: Bilingual): never => {
    throw new InputError([{ file, at: locate(at), field, message, expected: expected ?? bi('规则包文件夹中的原文文本文件,如 source.txt', "the plan's text, a file in the pack's folder, such as source.txt") }]);
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
