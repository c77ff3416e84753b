import { Command, CommanderError, Option } from 'commander';
import { LANGS } from '../i18n';
import { FORMATS } from '../report';
import { TOOL } from '../version';
import { REVIEW_FORMATS } from '../report/review';
import { EXIT, runCheck, type CheckOptions } from './check-command';
import { runReview, type ReviewOptions } from './review-command';
import type { CliIo } from './io';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The options every command that reports has: formats, outputs, packs, calendars, language, time. */
function withReportOptions(command: Command, formats: readonly string[]): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('table'))
    .option('-o, --out <file>', 'write the report to this file (atomically) instead of standard output')
    .option('-r, --report <format:path>', 'also write a report in another format, e.g. html:out/report.html; may repeat', collect, [])
    .option('-p, --pack <path>', 'rule pack folder or pack.yaml, instead of the bundled Hunan 2022–2025 pack; may repeat', collect, [])
    .option('--calendar <file>', 'holiday calendar (YAML) for a year the bundled calendar does not know; may repeat', collect, [])
    .option('--timestamp', 'add the run time to the reports (without it they are byte-for-byte reproducible)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(LANGS).default('zh'));
}

/** Parses the command line and runs it; returns the exit status instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status: number = EXIT.ok;
  const program = new Command('plancheck')
    .description('检查人社局法治建设年度数据是否达到规划的量化目标 / checks bureaus\' rule-of-law data against the targets of a plan')
    .version(TOOL.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`plancheck: 命令行有误 / command line error: ${text.replace(/^error: /, '')}`) });
  withReportOptions(program.command('check'), FORMATS)
    .description('检查一个或多个报送文件(或文件夹中的全部报送)/ check submissions, or every submission in a folder')
    .argument('<paths...>', 'submission files (.yaml, .yml, .json) or folders')
    .option('--waivers <file>', 'waiver file (YAML): approved exceptions that turn failures into `waived`')
    .option('--waiver-date <date>', 'judge waiver expiry on this date (YYYY-MM-DD) instead of each submission\'s as_of')
    .option('--exit-zero', 'exit 0 even when findings fail (unreadable input still exits 2)')
    .action(async (paths: string[], options: CheckOptions) => {
      status = await runCheck(paths, options, io);
    });
  withReportOptions(program.command('review'), REVIEW_FORMATS)
    .description('省级审查:检查文件夹(含子文件夹)中的全部报送,给出单位 × 指标矩阵与逐年变化 / review every submission in folders: bureaus × targets, year over year')
    .argument('<dirs...>', 'folders of submissions (searched recursively), or files')
    .option('--level <levels>', 'only these levels: province, city, county (repeat or separate with commas)', collect, [])
    .option('--region <prefix>', 'only bureaus whose region code starts so, e.g. 4301; may repeat', collect, [])
    .option('--rule <ids>', 'only these rules; may repeat', collect, [])
    .option('--status <statuses>', 'only bureaus and rules with these statuses, e.g. fail; may repeat', collect, [])
    .option('-j, --jobs <n>', 'worker threads (default: one per core)')
    .action(async (dirs: string[], options: ReviewOptions) => {
      status = await runReview(dirs, options, io);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    throw error;
  }
  return status;
}
