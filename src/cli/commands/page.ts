import { statSync } from 'node:fs';
import type { Lang } from '../../core/i18n';
import { pageRenderer } from '../../report/page';
import { page } from '../../run/page';
import type { PageDocument } from '../../run/page-data';
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
export async function runPage(options: PageOptions, io: CliIo): Promise<number> {
  const outcome = page({ packs: options.pack, level: options.level, year: options.year, lang: options.lang, schemaPath: schemaPathFor(options.out) });
  const { made } = outcome;
  const status = await writeSingleOutput(made === undefined ? undefined : () => pageRenderer('html')(made, options.lang), outcome.problems, { format: 'html', out: options.out, lang: options.lang }, outcome.inputs, io);
  // Written to standard output (`--out -`), the page is the output: nothing is said beside it.
  if (status === 0 && made && options.out !== '-') await io.stdout(writtenText(made, options.out, statSync(options.out).size, options.lang));
  return status;
}

/** What was written, for whoever builds the page for a province's bureaus: where, how big, and what to do with it. */
function writtenText({ data }: PageDocument, out: string, bytes: number, lang: Lang): string {
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const packs = data.packs.map((pack) => `${pack.id} ${pack.version}`).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `已写出自查页面 ${out}(${size},规则包 ${packs})。用浏览器直接打开即可填报和检查,无需安装、无需联网;可放在内网或用邮件发给各单位。\n`
    : `Self-check page written to ${out} (${size}; packs ${packs}). It opens in a browser, with nothing to install and no network; put it on the intranet or send it by mail.\n`;
}
