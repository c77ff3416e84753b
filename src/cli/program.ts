import { Command, CommanderError, Help, Option, type Argument } from 'commander';
import { LANGS, type Lang } from '../core/i18n';
import { TOOL } from '../core/version';
import { FORMATS } from '../report/check';
import { REVIEW_FORMATS } from '../report/review';
import { PACK_LINT_FORMATS } from '../report/pack-lint';
import { CATALOGUE_FORMATS } from '../report/catalogue';
import { EXPLAIN_FORMATS } from '../report/explain';
import { TEMPLATE_FORMATS } from '../report/template';
import { DEFAULT_CHROMIUM } from '../report/notice';
import type { ExplainOptions } from './commands/explain';
import type { RulesOptions } from './commands/rules';
import type { TemplateOptions } from './commands/template';
import type { PageOptions } from './commands/page';
import type { ConvertOptions } from './commands/convert';
import type { ExtractOptions } from './commands/extract';
import type { CheckOptions } from './commands/check';
import { EXIT } from '../run/exit';
import type { ReviewOptions } from './commands/review';
import type { NoticesOptions } from './commands/notices';
import { wrapColumns } from './help-wrap';
import type { PackLintOptions, PackTestOptions } from './commands/pack';
import type { CliIo } from './io';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Every text the command line shows, in both languages; option names and behaviour are the same in both. */
const TEXT = {
  zh: {
    program: '检查人社局法治建设年度数据是否达到规划的量化目标',
    version: '显示版本号',
    help: '显示帮助',
    helpCommand: '显示某个命令的帮助',
    check: '检查一个或多个报送文件(或文件夹中的全部报送)',
    checkPaths: ['<报送文件或文件夹...>', '报送文件(.yaml、.yml、.json、填好的 .xlsx 报送表)、年度报告(.txt、.docx、.pdf、.html,先摘录再检查)或文件夹'],
    review: '省级审查:检查文件夹(含子文件夹)中的全部报送,给出单位 × 指标矩阵与逐年变化',
    reviewDirs: ['<报送文件夹...>', '报送所在的文件夹(含子文件夹),也可以是文件'],
    format: ['-f, --format <格式>', '输出格式'],
    out: ['-o, --out <文件>', '把报告写入此文件(写完整后才替换原文件;设备和管道直接写入;- 表示屏幕),而不输出到屏幕'],
    report: ['-r, --report <格式:路径>', '另外再写一份其他格式的报告,如 html:out/report.html;可重复'],
    pack: ['-p, --pack <路径>', '规则包文件夹或其 pack.yaml,或内置规则包的编号(hunan-hrss-fazhi-2022-2025、cn-national-baseline),代替内置的湖南 2022—2025 规则包;可重复'],
    calendar: ['--calendar <文件>', '内置日历尚未收录的年份的节假日安排(YAML);可重复'],
    timestamp: ['--timestamp', '在报告中写入运行时间(不写时,同样的输入得到逐字节相同的报告)'],
    lang: ['--lang <语言>', '信息的语言:zh 中文,en 英文'],
    waivers: ['--waivers <文件>', '豁免文件(YAML):经批准的例外,把相应的不通过记为已豁免'],
    checkWaiverDate: ['--waiver-date <日期>', '按此日期(写成年-月-日,如 2025-01-15)判断豁免是否到期,而不按每份报送所覆盖期间的最后一天'],
    reviewWaiverDate: ['--waiver-date <日期>', '按此日期(写成年-月-日,如 2025-01-15)判断豁免是否到期,而不按每份报送所覆盖期间的最后一天'],
    checkExitZero: ['--exit-zero', '有指标不通过或缺数据时也以 0 退出(无法读取的输入仍以 2 退出)'],
    reviewExitZero: ['--exit-zero', '有指标不通过或缺数据时也以 0 退出(无法读取的输入仍以 2 退出)'],
    roster: ['--roster <文件>', '应报送单位名册(.csv、.yaml 或 .xlsx):列出未报送的单位和名册外的报送,未报送按不通过计'],
    by: ['--by <汇总方式>', 'city:只输出按市州汇总(各市本级及所属县市区);year:只输出逐年趋势(各指标每年达标的单位数,各单位逐年情况)。CSV 每份只有一张表:不写时为矩阵,汇总和趋势各用 --by 另行输出'],
    maxBytes: ['--max-bytes <字节数>', '大于此大小的报送文件不读取,按无法读取处理(默认 32 MiB;可写 64M、512K)'],
    level: ['--level <层级>', '只看这些层级:province(省级)、city(市级)、county(县级);可重复,或用逗号分隔'],
    region: ['--region <代码前缀>', '只看行政区划代码以此开头的单位,如 4301;可重复'],
    rule: ['--rule <规则编号>', '只看这些规则;可重复'],
    status: ['--status <状态>', '只看出现这些状态的单位和规则,如 fail;可重复'],
    year: ['--year <年度>', '只看这些报送年度,如 2024 或 2023,2024;可重复'],
    jobs: ['-j, --jobs <数量>', '工作线程数(默认每个处理器核心一个,也最多这么多)'],
    notices: '整改通知:为文件夹(含子文件夹)中每个有指标不通过或缺数据的单位,各写一份可打印的整改通知(网页,有 Chromium 时另附 PDF);给出名册时,名册中未报送的单位各写一份催报通知',
    noticesDirs: ['<报送文件夹...>', '报送所在的文件夹(含子文件夹),也可以是文件'],
    noticesOut: ['-o, --out <文件夹>', '通知写入此文件夹(不存在时新建),每个单位每个年度一份,文件名为单位名称和年度;每份写完整后才替换同名旧文件'],
    replyBy: ['--reply-by <日期>', '回复期限(年-月-日,如 2025-03-31);不写时为本批报送的数据截止日中最晚的一天之后第 15 个工作日'],
    noPdf: ['--no-pdf', '只写网页版通知,不用 Chromium 打印 PDF'],
    noticesRoster: ['--roster <文件>', '应报送单位名册(.csv、.yaml 或 .xlsx):名册中在某一年度没有报送的单位,各写一份催报通知(未报送,按不通过计);名册外的报送在其通知和汇总中标明'],
    chromium: ['--chromium <路径>', '用于打印 PDF 的 Chromium 可执行文件;默认位置找不到 Chromium 时只写网页'],
    packCommand: '规则包的维护工具:检查规则包本身(lint),运行它的测试用例(test)',
    packLint: '检查规则包:原文、引文、措辞、字段、测试用例是否齐全、分段取值是否重叠、规则是否重复;逐条给出位置和修改建议',
    packTest: '运行规则包自带的测试用例(在规则包的测试文件夹中),逐个列出结果,最后一行为“通过 N 个,未通过 M 个”',
    packArg: ['<规则包>', '规则包文件夹或其 pack.yaml,或内置规则包的编号'],
    lintFormat: ['-f, --format <格式>', '输出格式:text 逐行文字,json 供程序读取'],
    rules: '指标说明:列出规则包中的全部指标(出处、原文、适用层级、要求、需填写的字段和示例)',
    rulesLevel: ['--level <层级>', '只列适用于此层级的指标:province(省级)、city(市级)、county(县级)'],
    rulesYear: ['--year <年度>', '只列适用于此报告年度的指标,如 2024'],
    explain: '详细说明一条规则:原文整句、检查方法、读取的字段、可能的结果及其条件',
    explainRule: ['<规则编号>', '规则编号,如 HN-07-online-handling-rate(plancheck rules 可列出全部编号)'],
    template: '生成空白报送模板(YAML 文件或 .xlsx 工作簿):只含适用于该层级和年度的指标所需填写的字段,每个字段附中文说明',
    templateLevel: ['--level <层级>', '单位层级:province(省级)、city(市级)、county(县级)'],
    templateYear: ['--year <年度>', '报告年度,如 2024'],
    page: '生成自查页面:一个离线网页文件(规则包、日历和检查程序都在其中),在浏览器中打开即可载入或填写报送并查看检查结果,无需安装任何软件、无需联网',
    pageOut: ['-o, --out <文件>', '页面写入此文件(如 自查.html;写完整后才替换原文件)'],
    pageLevel: ['--level <层级>', '表单默认的层级:province(省级)、city(市级)、county(县级)'],
    pageYear: ['--year <年度>', '表单默认的报告年度,如 2024'],
    convert: '把一份报送在 YAML 文件和 .xlsx 工作簿之间转换:所有字段(含出处)原样保留,转换后的检查结果与原文件相同',
    convertFile: ['<文件>', '报送文件(.yaml、.yml、.json,或填好的 .xlsx 报送表)'],
    convertTo: ['--to <格式>', '转换成的格式:yaml(YAML 文件)或 xlsx(Excel 报送表)'],
    extract: '从单位的法治政府建设年度报告(文本、Word、PDF 或网页)摘录报送草稿:每个数值附报告原句和段落号,报告未载明的字段不写入并在开头列出',
    extractFile: ['<报告>', '年度报告:文本(UTF-8、GB18030/GBK、UTF-16)、Word(.docx)、有文字层的 PDF 或网页(.html)'],
    extractOut: ['-o, --out <文件>', '草稿写入此文件:.yaml 为 YAML 文件,.xlsx 为 Excel 报送表(写完整后才替换原文件);不写则输出 YAML 到屏幕'],
    extractLevel: ['--level <层级>', '报告标题未写明层级时指定:province(省级)、city(市级)、county(县级)'],
    extractYear: ['--year <年度>', '报告标题未写明年度时指定,如 2023'],
    docOut: ['-o, --out <文件>', '写入此文件(写完整后才替换原文件;- 表示屏幕),而不输出到屏幕'],
    docPack: ['-p, --pack <路径>', '规则包文件夹或其 pack.yaml,或内置规则包的编号(hunan-hrss-fazhi-2022-2025、cn-national-baseline),代替内置的湖南 2022—2025 规则包;可重复'],
    titles: { 'Usage:': '用法:', 'Options:': '选项:', 'Arguments:': '参数:', 'Commands:': '命令:', 'Global Options:': '全局选项:' } as Record<string, string>,
    usage: (text: string) => text.replace('[options]', '[选项]').replace('[command]', '[命令]'),
    extra: (choices: string[] | undefined, defaults: string | undefined) =>
      [choices ? `可选:${choices.join('、')}` : '', defaults !== undefined ? `默认:${defaults}` : ''].filter(Boolean).join(';'),
    withExtra: (description: string, extra: string) => `${description}(${extra})`,
    prefix: 'plancheck: 命令行有误:',
  },
  en: {
    program: "checks bureaus' rule-of-law data against the targets of a plan",
    version: 'output the version number',
    help: 'display help for command',
    helpCommand: 'display help for a command',
    check: 'check submissions, or every submission in a folder',
    checkPaths: ['<paths...>', 'submission files (.yaml, .yml, .json, a filled .xlsx workbook), annual reports (.txt, .docx, .pdf, .html: extracted, then checked) or folders'],
    review: 'review every submission in folders: bureaus × targets, year over year',
    reviewDirs: ['<dirs...>', 'folders of submissions (searched recursively), or files'],
    format: ['-f, --format <format>', 'output format'],
    out: ['-o, --out <file>', 'write the report to this file instead of standard output (replaced only once complete; devices and pipes are written to directly; - is standard output)'],
    report: ['-r, --report <format:path>', 'also write a report in another format, e.g. html:out/report.html; may repeat'],
    pack: ['-p, --pack <path>', 'rule pack folder or pack.yaml, or a bundled pack\'s id (hunan-hrss-fazhi-2022-2025, cn-national-baseline), instead of the bundled Hunan 2022–2025 pack; may repeat'],
    calendar: ['--calendar <file>', 'holiday calendar (YAML) for a year the bundled calendar does not know; may repeat'],
    timestamp: ['--timestamp', 'add the run time to the reports (without it they are byte-for-byte reproducible)'],
    lang: ['--lang <lang>', 'language of messages'],
    waivers: ['--waivers <file>', 'waiver file (YAML): approved exceptions that turn failures into `waived`'],
    checkWaiverDate: ['--waiver-date <date>', 'judge waiver expiry on this date (YYYY-MM-DD) instead of the last day each submission covers'],
    reviewWaiverDate: ['--waiver-date <date>', 'judge waiver expiry on this date (YYYY-MM-DD) instead of the last day each submission covers'],
    checkExitZero: ['--exit-zero', 'exit 0 even when findings fail or data is missing (unreadable input still exits 2)'],
    reviewExitZero: ['--exit-zero', 'exit 0 even when findings fail or data is missing (unreadable input still exits 2)'],
    roster: ['--roster <file>', 'the bureaus expected to file (.csv, .yaml or .xlsx): lists who has not filed (a failure) and who is not on it'],
    by: ['--by <grouping>', 'city: print only the roll-up of each city with its counties; year: only the trend over the years (bureaus meeting each target per year, each bureau year by year). A CSV holds one table: the matrix by default, the roll-up and the trend each with its --by'],
    maxBytes: ['--max-bytes <bytes>', 'refuse, unread, any submission larger than this (default 32 MiB; 64M and 512K may be written)'],
    level: ['--level <levels>', 'only these levels: province, city, county (repeat or separate with commas)'],
    region: ['--region <prefix>', 'only bureaus whose region code starts so, e.g. 4301; may repeat'],
    rule: ['--rule <ids>', 'only these rules; may repeat'],
    status: ['--status <statuses>', 'only bureaus and rules with these statuses, e.g. fail; may repeat'],
    year: ['--year <years>', 'only these reporting years, e.g. 2024 or 2023,2024; may repeat'],
    jobs: ['-j, --jobs <n>', 'worker threads (default, and at most: one per core)'],
    notices: 'rectification notices: one printable notice (a web page, and a PDF where Chromium is found) to every bureau in the folders with a target that fails or lacks data; with a roster, a notice to file to every bureau on it that has not filed',
    noticesDirs: ['<dirs...>', 'folders of submissions (searched recursively), or files'],
    noticesOut: ['-o, --out <folder>', 'the folder the notices go to (made if missing), one per bureau and year, named by the bureau and the year; each replaces an old one only once complete'],
    replyBy: ['--reply-by <date>', 'the date to reply by (YYYY-MM-DD); by default the 15th working day after the latest as_of of the submissions'],
    noPdf: ['--no-pdf', 'write the notices as web pages only, without printing PDFs with Chromium'],
    noticesRoster: ['--roster <file>', 'the bureaus expected to file (.csv, .yaml or .xlsx): each one without a submission for a year of the folder gets a notice to file (not filed, a failure); a submission from a bureau not on it is flagged in its notice and the summary'],
    chromium: ['--chromium <path>', 'the Chromium executable that prints the PDFs; where none is at the default place, web pages only'],
    packCommand: "tools for a rule pack's maintainers: check the pack itself (lint), run its test cases (test)",
    packLint: 'check a rule pack: source, quotes, wording, fields, cases for every rule, dated values, duplicate rules; each problem with its place and a fix',
    packTest: "run the test cases in the pack's tests/ folder, list each, and end with the line `N passed, M failed`",
    packArg: ['<pack>', "rule pack folder or its pack.yaml, or a bundled pack's id"],
    lintFormat: ['-f, --format <format>', 'output format: text lines to read, json for programs'],
    rules: 'catalogue of targets: every rule of the packs with its clause, quote, levels, requirement, fields and an example',
    rulesLevel: ['--level <level>', 'only the targets that apply to this level: province, city, county'],
    rulesYear: ['--year <year>', 'only the targets that apply in this reporting year, e.g. 2024'],
    explain: 'one rule in full: its quote in its sentence, the check, the fields, the statuses it can give and when',
    explainRule: ['<rule>', 'a rule id, e.g. HN-07-online-handling-rate (plancheck rules lists them all)'],
    template: 'a blank submission (YAML or an .xlsx workbook) with every field the targets of a level and year read, each explained',
    templateLevel: ['--level <level>', "the bureau's level: province, city, county"],
    templateYear: ['--year <year>', 'the reporting year, e.g. 2024'],
    page: 'the self-check page: one offline HTML file (the packs, the calendar and the checker inside) in which a clerk loads or fills in a submission and sees its findings in a browser, with nothing installed and no network',
    pageOut: ['-o, --out <file>', 'write the page to this file (self-check.html; replaced only once complete)'],
    pageLevel: ['--level <level>', "the level the page's form starts with: province, city, county"],
    pageYear: ['--year <year>', "the reporting year the page's form starts with, e.g. 2024"],
    convert: 'a submission from YAML to an .xlsx workbook or back: every field kept, its source too; the converted file checks the same',
    convertFile: ['<file>', 'a submission (.yaml, .yml, .json, or a filled .xlsx workbook)'],
    convertTo: ['--to <format>', 'the format to convert to: yaml or xlsx'],
    extract: "a draft submission from a bureau's annual rule-of-law report (.txt, .docx, .pdf, .html): each value with the report's sentence and paragraph; fields the report does not state are left out and listed at the top",
    extractFile: ['<report>', 'the annual report: text (UTF-8, GB18030/GBK, UTF-16), Word (.docx), a PDF with a text layer, or a web page (.html)'],
    extractOut: ['-o, --out <file>', 'write the draft there: .yaml as YAML, .xlsx as the Excel workbook (replaced only once complete); standard output (YAML) otherwise'],
    extractLevel: ['--level <level>', "the bureau's level where the report's title does not say it: province, city, county"],
    extractYear: ['--year <year>', "the reporting year where the report's title does not say it, e.g. 2023"],
    docOut: ['-o, --out <file>', 'write to this file instead of standard output (replaced only once complete; - is standard output)'],
    docPack: ['-p, --pack <path>', 'rule pack folder or pack.yaml, or a bundled pack\'s id (hunan-hrss-fazhi-2022-2025, cn-national-baseline), instead of the bundled Hunan 2022–2025 pack; may repeat'],
    titles: {} as Record<string, string>,
    usage: (text: string) => text,
    extra: (choices: string[] | undefined, defaults: string | undefined) =>
      [choices ? `choices: ${choices.join(', ')}` : '', defaults !== undefined ? `default: ${defaults}` : ''].filter(Boolean).join(', '),
    withExtra: (description: string, extra: string) => `${description} (${extra})`,
    prefix: 'plancheck: command line error: ',
  },
};

type Texts = (typeof TEXT)[Lang];

/** The language of the command line itself: English only when `--lang en` is on it, as for the reports. */
export function commandLineLang(argv: readonly string[]): Lang {
  const i = argv.lastIndexOf('--lang');
  const value = argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length) ?? (i >= 0 ? argv[i + 1] : undefined);
  return value === 'en' ? 'en' : 'zh';
}

/** The long flag of an option as commander names it in its errors (`-f, --format <format>` → --format). */
function longFlag(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

const ARGUMENT_ZH: Record<string, string> = { 报送文件或文件夹: '要检查的报送文件或文件夹', 报送文件夹: '要审查的报送文件夹', 规则包: '规则包(文件夹或其 pack.yaml)', 规则编号: '规则编号' };

function didYouMean(rest: string | undefined): string {
  const names = rest ? /\(Did you mean (?:one of )?(.+)\?\)/.exec(rest)?.[1] : undefined;
  return names ? `(是不是 ${names.split(', ').join('、')}?)` : '';
}

/**
 * commander's own errors in Chinese. commander builds them from fixed templates (lib/command.js), so each is
 * recognised by its template; one this does not know is shown as commander wrote it rather than lost.
 */
export function commanderErrorZh(text: string): string {
  const message = text.replace(/^error: /, '').trimEnd();
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^unknown option '(.+?)'(\n[\s\S]*)?$/, (m) => `未知选项 ${m[1]}${didYouMean(m[2])}`],
    [/^unknown command '(.+?)'(\n[\s\S]*)?$/, (m) => `未知命令 ${m[1]}${didYouMean(m[2])}`],
    [/^option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/, (m) => `选项 ${longFlag(m[1])} 的取值“${m[2]}”无效,可选:${m[3].split(', ').join('、')}`],
    [/^option '(.+?)' argument '(.*?)' is invalid\. ?(.*)$/, (m) => `选项 ${longFlag(m[1])} 的取值“${m[2]}”无效${m[3] ? `:${m[3]}` : ''}`],
    [/^option '(.+?)' argument missing$/, (m) => `选项 ${longFlag(m[1])} 后面缺少取值`],
    [/^missing required argument '(.+?)'$/, (m) => `缺少${ARGUMENT_ZH[m[1]] ?? `参数 ${m[1]}`}`],
    [/^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (m) => `${m[1] ? `命令 ${m[1]} 的` : ''}参数过多:需要 ${m[2]} 个,收到 ${m[3]} 个`],
    [/^required option '(.+?)' not specified$/, (m) => `缺少必需的选项 ${longFlag(m[1])}`],
  ];
  for (const [pattern, say] of rules) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}

/** Columns a text takes at a terminal: Chinese characters and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(/\x1b\[[0-9;]*m/g, '')) {
    const code = char.codePointAt(0) ?? 0;
    const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/** Help in the language of the command line: its titles, usage and each option's choices and default. */
function helpFor(t: Texts): Partial<Help> {
  const base = new Help();
  return {
    // commander pads and wraps by string length; Chinese needs the columns the characters take.
    displayWidth,
    boxWrap: (text: string, width: number) => (width < base.minWidthToWrap ? text : wrapColumns(text, width, displayWidth)),
    styleTitle: (title: string) => t.titles[title] ?? title,
    commandUsage: (command: Command) => t.usage(base.commandUsage(command)),
    subcommandTerm: (command: Command) => t.usage(base.subcommandTerm(command)),
    optionDescription: (option: Option) => {
      const shown = option.defaultValue !== undefined && !Array.isArray(option.defaultValue) && !option.isBoolean() ? String(option.defaultValue) : undefined;
      const extra = t.extra(option.argChoices, shown);
      return extra ? t.withExtra(option.description, extra) : option.description;
    },
    argumentDescription: (argument: Argument) => argument.description,
  };
}

/** The options every command that reports has: formats, outputs, packs, calendars, language, time. */
function withReportOptions(command: Command, formats: readonly string[], t: Texts): Command {
  return command
    .helpOption('-h, --help', t.help)
    .addOption(new Option(t.format[0], t.format[1]).choices(formats).default('table'))
    .option(t.out[0], t.out[1])
    .option(t.report[0], t.report[1], collect, [])
    .option(t.pack[0], t.pack[1], collect, [])
    .option(t.calendar[0], t.calendar[1], collect, [])
    .option(t.timestamp[0], t.timestamp[1])
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'));
}

/** The options of a command that makes one document (`rules`, `explain`, `template`): its formats, where it goes, packs, language. */
function withDocumentOptions(command: Command, formats: readonly string[], defaultFormat: string, t: Texts): Command {
  return command
    .helpOption('-h, --help', t.help)
    .addOption(new Option(t.format[0], t.format[1]).choices(formats).default(defaultFormat))
    .option(t.docOut[0], t.docOut[1])
    .option(t.docPack[0], t.docPack[1], collect, [])
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'));
}

/** Parses the command line and runs it; returns the exit status instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status: number = EXIT.ok;
  const lang = commandLineLang(argv);
  const t: Texts = TEXT[lang];
  const program = new Command('plancheck')
    .description(t.program)
    .version(TOOL.version, '-V, --version', t.version)
    .helpOption('-h, --help', t.help)
    .helpCommand('help [command]', t.helpCommand)
    .exitOverride()
    // Set before the commands are added: each command copies these settings from the program.
    .configureHelp(helpFor(t))
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`${t.prefix}${lang === 'zh' ? commanderErrorZh(text) : text.replace(/^error: /, '').trimEnd()}\n`),
    });
  withReportOptions(program.command('check'), FORMATS, t)
    .description(t.check)
    .argument(t.checkPaths[0], t.checkPaths[1])
    .option(t.waivers[0], t.waivers[1])
    .option(t.checkWaiverDate[0], t.checkWaiverDate[1])
    .option(t.checkExitZero[0], t.checkExitZero[1])
    .option(t.maxBytes[0], t.maxBytes[1])
    .action(async (paths: string[], options: CheckOptions) => {
      // Each command is loaded when it runs: a check loads nothing of the review.
      const { runCheck } = await import('./commands/check');
      status = await runCheck(paths, options, io);
    });
  withReportOptions(program.command('review'), REVIEW_FORMATS, t)
    .description(t.review)
    .argument(t.reviewDirs[0], t.reviewDirs[1])
    .option(t.level[0], t.level[1], collect, [])
    .option(t.region[0], t.region[1], collect, [])
    .option(t.rule[0], t.rule[1], collect, [])
    .option(t.status[0], t.status[1], collect, [])
    .option(t.year[0], t.year[1], collect, [])
    .option(t.waivers[0], t.waivers[1])
    .option(t.reviewWaiverDate[0], t.reviewWaiverDate[1])
    .option(t.reviewExitZero[0], t.reviewExitZero[1])
    .option(t.roster[0], t.roster[1])
    .option(t.by[0], t.by[1])
    .option(t.maxBytes[0], t.maxBytes[1])
    .option(t.jobs[0], t.jobs[1])
    .action(async (dirs: string[], options: ReviewOptions) => {
      const { runReview } = await import('./commands/review');
      status = await runReview(dirs, options, io);
    });
  program
    .command('notices')
    .description(t.notices)
    .helpOption('-h, --help', t.help)
    .argument(t.noticesDirs[0], t.noticesDirs[1])
    .requiredOption(t.noticesOut[0], t.noticesOut[1])
    .option(t.noticesRoster[0], t.noticesRoster[1])
    .option(t.replyBy[0], t.replyBy[1])
    .option(t.noPdf[0], t.noPdf[1])
    .option(t.chromium[0], t.chromium[1], DEFAULT_CHROMIUM)
    .option(t.pack[0], t.pack[1], collect, [])
    .option(t.calendar[0], t.calendar[1], collect, [])
    .option(t.maxBytes[0], t.maxBytes[1])
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'))
    .action(async (dirs: string[], options: NoticesOptions) => {
      const { runNotices } = await import('./commands/notices');
      status = await runNotices(dirs, options, io);
    });
  const pack = program.command('pack').description(t.packCommand).helpOption('-h, --help', t.help).helpCommand('help [command]', t.helpCommand);
  pack
    .command('lint')
    .description(t.packLint)
    .helpOption('-h, --help', t.help)
    .argument(t.packArg[0], t.packArg[1])
    .addOption(new Option(t.lintFormat[0], t.lintFormat[1]).choices(PACK_LINT_FORMATS).default('text'))
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'))
    .action(async (path: string, options: PackLintOptions) => {
      const { runPackLint } = await import('./commands/pack');
      status = await runPackLint(path, options, io);
    });
  pack
    .command('test')
    .description(t.packTest)
    .helpOption('-h, --help', t.help)
    .argument(t.packArg[0], t.packArg[1])
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'))
    .action(async (path: string, options: PackTestOptions) => {
      const { runPackTest } = await import('./commands/pack');
      status = await runPackTest(path, options, io);
    });
  withDocumentOptions(program.command('rules'), CATALOGUE_FORMATS, 'table', t)
    .description(t.rules)
    .option(t.rulesLevel[0], t.rulesLevel[1])
    .option(t.rulesYear[0], t.rulesYear[1])
    .action(async (options: RulesOptions) => {
      const { runRules } = await import('./commands/rules');
      status = await runRules(options, io);
    });
  withDocumentOptions(program.command('explain'), EXPLAIN_FORMATS, 'table', t)
    .description(t.explain)
    .argument(t.explainRule[0], t.explainRule[1])
    .action(async (rule: string, options: ExplainOptions) => {
      const { runExplain } = await import('./commands/explain');
      status = await runExplain(rule, options, io);
    });
  withDocumentOptions(program.command('template'), TEMPLATE_FORMATS, 'yaml', t)
    .description(t.template)
    .requiredOption(t.templateLevel[0], t.templateLevel[1])
    .requiredOption(t.templateYear[0], t.templateYear[1])
    .action(async (options: TemplateOptions) => {
      const { runTemplate } = await import('./commands/template');
      status = await runTemplate(options, io);
    });
  program
    .command('page')
    .description(t.page)
    .helpOption('-h, --help', t.help)
    .requiredOption(t.pageOut[0], t.pageOut[1])
    .option(t.docPack[0], t.docPack[1], collect, [])
    .option(t.pageLevel[0], t.pageLevel[1])
    .option(t.pageYear[0], t.pageYear[1])
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'))
    .action(async (options: PageOptions) => {
      const { runPage } = await import('./commands/page');
      status = await runPage(options, io);
    });
  program
    .command('convert')
    .description(t.convert)
    .helpOption('-h, --help', t.help)
    .argument(t.convertFile[0], t.convertFile[1])
    .addOption(new Option(t.convertTo[0], t.convertTo[1]).choices(TEMPLATE_FORMATS).makeOptionMandatory())
    .option(t.docOut[0], t.docOut[1])
    .option(t.docPack[0], t.docPack[1], collect, [])
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'))
    .action(async (file: string, options: ConvertOptions) => {
      const { runConvert } = await import('./commands/convert');
      status = await runConvert(file, options, io);
    });
  program
    .command('extract')
    .description(t.extract)
    .helpOption('-h, --help', t.help)
    .argument(t.extractFile[0], t.extractFile[1])
    .option(t.extractOut[0], t.extractOut[1])
    .option(t.extractLevel[0], t.extractLevel[1])
    .option(t.extractYear[0], t.extractYear[1])
    .option(t.docPack[0], t.docPack[1], collect, [])
    .addOption(new Option(t.lang[0], t.lang[1]).choices(LANGS).default('zh'))
    .action(async (file: string, options: ExtractOptions) => {
      const { runExtract } = await import('./commands/extract');
      status = await runExtract(file, options, io);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    throw error;
  }
  return status;
}
