import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { bi } from '../core/i18n';
import type { InputProblem } from './problem';
import { intakeFormatOf, isSupported, supportedEndings } from './registry';
import { byCodePoint } from '../core/order';
import { isOtherMapping } from './submission-keys';

export interface CollectedFiles {
  /**
   * The submissions to evaluate, each real file once. A folder that cannot be listed (no permission) is in it too:
   * reading it says why, so it is counted as a file rejected rather than lost.
   */
  files: string[];
  /** Folders that hold no submission, and (with `recursive`) paths that do not exist: none of them is a file found. */
  problems: InputProblem[];
  /**
   * What was left out on purpose, one line each: plancheck's own JSON reports, a second path (a symbolic link) to a
   * file or folder already read, a link back to a folder above it. Nothing is lost by them: they are not errors.
   */
  notes: InputProblem[];
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

class Walk {
  readonly files: string[] = [];
  readonly notes: InputProblem[] = [];
  /** Submission files met, a second path to one of them included. */
  met = 0;
  private readonly filesSeen = new Map<string, string>();
  private readonly foldersSeen = new Map<string, string>();

  constructor(
    private readonly recursive: boolean,
    /** Only count what is there (check's hint about subfolders): nothing is noted, nothing unreadable kept. */
    private readonly quiet = false,
  ) {}

  private note(file: string, zh: string, en: string): void {
    if (!this.quiet) this.notes.push({ file, message: bi(zh, en) });
  }

  /** A file, once by its real path: a symbolic link to a file already found is said once and not evaluated twice. */
  addFile(path: string): void {
    const real = realPath(path) ?? resolve(path);
    const first = this.filesSeen.get(real);
    this.met++;
    if (first !== undefined) {
      this.note(path, `已跳过:与 ${first} 是同一个文件,只检查一次`, `skipped: the same file as ${first}, checked once`);
      return;
    }
    this.filesSeen.set(real, path);
    this.files.push(path);
  }

  /** A folder, once by its real path; a link back to a folder above it is a loop, said and not followed. False when skipped. */
  folder(path: string, ancestors: readonly string[]): boolean {
    const real = realPath(path) ?? resolve(path);
    if (ancestors.includes(real)) {
      const above = this.foldersSeen.get(real) ?? real;
      this.note(path, `已跳过:这个符号链接指回上层文件夹 ${above},继续读会无限循环`, `skipped: this symbolic link leads back to the folder ${above} above it, a loop`);
      return false;
    }
    const first = this.foldersSeen.get(real);
    if (first !== undefined) {
      this.note(path, `已跳过:与 ${first} 是同一个文件夹,已经读过`, `skipped: the same folder as ${first}, already read`);
      return false;
    }
    this.foldersSeen.set(real, path);
    this.read(path, [...ancestors, real]);
    return true;
  }

  private read(dir: string, ancestors: readonly string[]): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // The reader says why (no permission), and the folder counts as an input rejected; every other file goes on.
      if (!this.quiet) this.addFile(dir);
      return;
    }
    for (const entry of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
      const path = join(dir, entry.name);
      const kind = entryKind(path, entry);
      if (kind === 'directory') {
        if (this.recursive) this.folder(path, ancestors);
      } else if (isSupported(entry.name)) {
        const format = intakeFormatOf(entry.name);
        if (kind === 'file' && format?.id === 'report' && format.isSubmission?.(path) === false) {
          this.note(path, '已跳过:不是报送,也看不出是法治政府建设年度报告(开头没有“法治”二字,或是 plancheck 生成的网页报告);如确为年度报告,请在命令行直接写出这个文件名', 'skipped: not a submission, nor by its opening a rule-of-law annual report (no 法治 in it, or a page plancheck made); name it on the command line if it is one');
        } else if (kind === 'file' && format?.isSubmission?.(path) === false) {
          const name = format.reportName ?? bi('报告', 'report');
          this.note(path, `已跳过:这是 plancheck 生成的 ${name.zh},不是报送`, `skipped: a ${name.en} made by plancheck, not a submission`);
        } else if (kind === 'file' && (format?.id === 'yaml' || format?.id === 'json') && isOtherMapping(path)) {
          this.note(path, '已跳过:不是报送文件(其中没有 bureau、year 等报送字段);如确为报送,请在命令行直接写出这个文件名', 'skipped: not a submission (it has none of the fields bureau, year…); name it on the command line if it is one');
        } else {
          // A FIFO, a device or a broken link with a submission's name is found, and refused when it is read.
          this.addFile(path);
        }
      }
    }
  }
}

/** What a folder entry is, following symbolic links: a link to a folder is a folder, a link that leads nowhere is broken. */
function entryKind(path: string, entry: Dirent): 'directory' | 'file' | 'broken' {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'directory' : 'file';
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'broken';
  }
}

function kindOf(path: string): 'directory' | 'file' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No permission to look, or a loop of links: a path that is there, whose reading says what is wrong.
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'file';
  }
}

function emptyFolder(path: string, recursive: boolean): InputProblem {
  const below = recursive ? 0 : countBelow(path);
  const endings = supportedEndings();
  if (below === 0) return { file: path, message: bi(`文件夹中没有报送文件或年度报告(${endings.zh})`, `The folder holds no submission or annual report (${endings.en})`) };
  return {
    file: path,
    message: bi(
      `文件夹中没有报送文件,但其子文件夹中有 ${below} 个;check 只读所给文件夹本身,请用 plancheck review ${path} 读取全部子文件夹`,
      `The folder holds no submission itself, but its subfolders hold ${below}; check reads only the folder named: use plancheck review ${path} to read every subfolder`,
    ),
  };
}

/**
 * check reads only the folder it is given: where its subfolders hold submissions too, it says how many it left
 * unread and which command reads them all, so that none is lost without a word.
 */
function unreadSubfolders(path: string, read: number): InputProblem[] {
  const unread = countBelow(path) - read;
  if (unread <= 0) return [];
  return [
    {
      file: path,
      message: bi(
        `子文件夹中还有 ${unread} 份报送没有检查:check 只读所给文件夹本身;要连同子文件夹一起检查,请用 plancheck review ${path}`,
        `its subfolders hold ${unread} more submissions, not checked: check reads only the folder named; plancheck review ${path} reads every subfolder`,
      ),
    },
  ];
}

function countBelow(path: string): number {
  const walk = new Walk(true, true);
  walk.folder(path, []);
  return walk.files.length;
}

/**
 * The submissions named on the command line: files as given, folders as every file in them that an intake format reads (registry.ts: *.yaml, *.yml, *.json)
 * (with `recursive`, in their subfolders too), symbolic links followed, each real file once. Without `recursive`
 * (check), a name that does not exist stays in the list, so its error is reported with the submissions; with it
 * (review), it is a problem and not a file found.
 */
export function collectFiles(paths: readonly string[], recursive = false): CollectedFiles {
  const walk = new Walk(recursive);
  const problems: InputProblem[] = [];
  for (const path of paths) {
    const kind = kindOf(path);
    if (kind === 'missing' && recursive) {
      problems.push({ file: path, message: bi('找不到该文件或文件夹', 'No such file or folder') });
    } else if (kind !== 'directory') {
      walk.addFile(path);
    } else {
      const before = walk.met;
      if (walk.folder(path, []) && walk.met === before) problems.push(emptyFolder(path, recursive));
      else if (!recursive) walk.notes.push(...unreadSubfolders(path, walk.met - before));
    }
  }
  return { files: walk.files, problems, notes: walk.notes };
}
