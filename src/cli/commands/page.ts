import type { Lang } from '../../core/i18n';
import { pageRenderer } from '../../report/page';
import { page } from '../../run/page';
import type { CliIo } from '../io';
import { writeSingleOutput } from '../single-output';
import { schemaPathFor } from './template';

export interface PageOptions {
  out: string;
  pack: string[];
  level?: string;
  year?: string;
  lang: Lang;
}

/** `plancheck page --out 自查.html`: the self-check page, one file, written whole, never over one of its inputs. */
export function runPage(options: PageOptions, io: CliIo): Promise<number> {
  const outcome = page({ packs: options.pack, level: options.level, year: options.year, lang: options.lang, schemaPath: schemaPathFor(options.out) });
  const { made } = outcome;
  return writeSingleOutput(made === undefined ? undefined : () => pageRenderer('html')(made, options.lang), outcome.problems, { format: 'html', out: options.out, lang: options.lang }, outcome.inputs, io);
}
