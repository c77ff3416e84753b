import type { Lang } from '../../core/i18n';
import { catalogueRenderer, type CatalogueFormat } from '../../report/catalogue';
import { catalogue } from '../../run/catalogue';
import { packFiles } from '../../run/inputs';
import type { CliIo } from '../io';
import { writeSingleOutput } from '../single-output';

export interface RulesOptions {
  format: CatalogueFormat;
  out?: string;
  pack: string[];
  level?: string;
  year?: string;
  lang: Lang;
}

/** `plancheck rules`: the catalogue of targets (指标说明), for a level and a year when given. */
export async function runRules(options: RulesOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const outcome = catalogue({ packs: options.pack, level: options.level, year: options.year });
  const result = outcome.catalogue;
  const render = result ? () => catalogueRenderer(options.format)(result, lang) : undefined;
  return writeSingleOutput(render, outcome.problems, { format: options.format, out: options.out, lang }, packFiles(outcome.packs), io);
}
