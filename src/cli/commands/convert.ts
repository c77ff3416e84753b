import type { Lang } from '../../core/i18n';
import { TEMPLATE_REGISTRY, templateRenderer, type TemplateFormat } from '../../report/template';
import type { Formats } from '../../report/renderer';
import { convert } from '../../run/convert';
import { packFiles } from '../../run/inputs';
import type { Template } from '../../run/template';
import type { CliIo } from '../io';
import { binaryOnTerminal, writeSingleOutput } from '../single-output';
import { schemaPathFor } from './template';

export interface ConvertOptions {
  to: TemplateFormat;
  out?: string;
  pack: string[];
  lang: Lang;
}

/**
 * `plancheck convert FILE --to yaml|xlsx`: one submission in the other format, as a filled template (every field
 * the rules of its level and year read, and every field it writes), never over the file it was read from.
 */
export async function runConvert(file: string, options: ConvertOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const outcome = await convert({ file, packs: options.pack, schemaPath: schemaPathFor(options.out) });
  const result = outcome.template;
  const registry: Formats<Template> = TEMPLATE_REGISTRY;
  const request = { format: options.to, out: options.out, lang };
  const inputs = [file, ...packFiles(outcome.packs)];
  const terminal = result ? binaryOnTerminal(registry[options.to].binary, options.out, io) : undefined;
  if (terminal) return writeSingleOutput(undefined, [...outcome.problems, terminal], request, inputs, io);
  const render = result ? () => templateRenderer(options.to)(result, lang) : undefined;
  return writeSingleOutput(render, outcome.problems, request, inputs, io);
}
