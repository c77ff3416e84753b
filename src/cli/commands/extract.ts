import type { Lang } from '../../core/i18n';
import { packFiles } from '../../run/inputs';
import { extract } from '../../run/extract';
import type { CliIo } from '../io';
import { schemaPathFor, writeTemplate } from './template';

export interface ExtractOptions {
  out?: string;
  level?: string;
  year?: string;
  pack: string[];
  lang: Lang;
}

/**
 * `plancheck extract REPORT [--out draft.yaml|draft.xlsx]`: the draft submission a report's sentences give, as YAML
 * (standard output or a `.yaml` file) or as the Excel workbook (an `.xlsx` file), never over the report itself.
 */
export async function runExtract(file: string, options: ExtractOptions, io: CliIo): Promise<number> {
  const outcome = await extract({ file, packs: options.pack, schemaPath: schemaPathFor(options.out), level: options.level, year: options.year });
  const format = options.out !== undefined && /\.xlsx$/i.test(options.out) ? 'xlsx' : 'yaml';
  return writeTemplate(outcome.template, outcome.problems, { format, out: options.out, lang: options.lang }, [file, ...packFiles(outcome.packs)], io);
}
