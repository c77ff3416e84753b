import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Lang } from '../../core/i18n';
import { SCHEMA_DIR } from '../../core/paths';
import { TEMPLATE_REGISTRY, templateRenderer, type TemplateFormat } from '../../report/template';
import type { Formats } from '../../report/renderer';
import { packFiles } from '../../run/inputs';
import { template, type Template } from '../../run/template';
import type { CliIo } from '../io';
import type { InputProblem } from '../../intake/problem';
import { binaryOnTerminal, writeSingleOutput, type SingleOutputRequest } from '../single-output';

export interface TemplateOptions {
  format: TemplateFormat;
  out?: string;
  pack: string[];
  level: string;
  year: string;
  lang: Lang;
}

/**
 * The `$schema` line's path: the bundled schema, relative to the folder the template is written to (the current
 * folder for standard output), as the YAML language server reads a relative path from the file's own folder. A
 * template moved elsewhere keeps working if the schema is beside it or the line is changed (README).
 */
export function schemaPathFor(out: string | undefined, cwd = process.cwd()): string {
  const folder = out === undefined || out === '-' ? cwd : dirname(resolve(cwd, out));
  return relative(folder, join(SCHEMA_DIR, 'submission.schema.json')).split(sep).join('/');
}

/** `plancheck template --level L --year Y`: a blank submission with every field the targets of that level and year read. */
export async function runTemplate(options: TemplateOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const outcome = template({ packs: options.pack, level: options.level, year: options.year, schemaPath: schemaPathFor(options.out) });
  return writeTemplate(outcome.template, outcome.problems, { format: options.format, out: options.out, lang }, packFiles(outcome.packs), io);
}

/**
 * A template, blank or filled (`template`, `convert`), written as one document: refused on a terminal when it is a
 * workbook, never over one of the inputs. Returns the exit status.
 */
export function writeTemplate(result: Template | undefined, problems: readonly InputProblem[], request: SingleOutputRequest<TemplateFormat>, inputs: readonly string[], io: CliIo): Promise<number> {
  const registry: Formats<Template> = TEMPLATE_REGISTRY;
  const terminal = result ? binaryOnTerminal(registry[request.format].binary, request.out, io) : undefined;
  if (terminal) return writeSingleOutput(undefined, [...problems, terminal], request, inputs, io);
  const render = result ? () => templateRenderer(request.format)(result, request.lang) : undefined;
  return writeSingleOutput(render, problems, request, inputs, io);
}
