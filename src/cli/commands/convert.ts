import type { Lang } from '../../core/i18n';
import type { TemplateFormat } from '../../report/template';
import { convert } from '../../run/convert';
import { packFiles } from '../../run/inputs';
import type { CliIo } from '../io';
import { schemaPathFor, writeTemplate } from './template';

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
  const outcome = await convert({ file, packs: options.pack, schemaPath: schemaPathFor(options.out) });
  return writeTemplate(outcome.template, outcome.problems, { format: options.to, out: options.out, lang: options.lang }, [file, ...packFiles(outcome.packs)], io);
}
