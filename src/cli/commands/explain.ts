import type { Lang } from '../../core/i18n';
import { explainRenderer, type ExplainFormat } from '../../report/explain';
import { explain } from '../../run/catalogue';
import { packFiles } from '../../run/inputs';
import type { CliIo } from '../io';
import { writeSingleOutput } from '../single-output';

export interface ExplainOptions {
  format: ExplainFormat;
  out?: string;
  pack: string[];
  lang: Lang;
}

/** `plancheck explain RULE`: one rule in full; an id no pack has exits 2 with the closest ids. */
export async function runExplain(id: string, options: ExplainOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const outcome = explain(id, options.pack);
  const result = outcome.explanation;
  const render = result ? () => explainRenderer(options.format)(result, lang) : undefined;
  return writeSingleOutput(render, outcome.problems, { format: options.format, out: options.out, lang }, packFiles(outcome.packs), io);
}
