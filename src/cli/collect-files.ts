import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bi } from '../i18n';
import type { InputProblem } from '../input/problem';
import { byCodePoint } from '../order';

const SUBMISSION_FILE = /\.(ya?ml|json)$/i;

export interface CollectedFiles {
  files: string[];
  /** Folders that hold no submission, and (with `recursive`) paths that do not exist: none of them is a file found. */
  problems: InputProblem[];
}

function walk(dir: string, recursive: boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => byCodePoint(a.name, b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && recursive) found.push(...walk(path, true));
    else if (entry.isFile() && SUBMISSION_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

function kindOf(path: string): 'directory' | 'file' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

function emptyFolder(path: string, recursive: boolean): InputProblem {
  const below = recursive ? 0 : walk(path, true).length;
  if (below === 0) return { file: path, message: bi('文件夹中没有 .yaml、.yml 或 .json 报送文件', 'The folder holds no .yaml, .yml or .json submission') };
  return {
    file: path,
    message: bi(
      `文件夹中没有报送文件,但其子文件夹中有 ${below} 个;check 只读所给文件夹本身,请用 plancheck review ${path} 读取全部子文件夹`,
      `The folder holds no submission itself, but its subfolders hold ${below}; check reads only the folder named: use plancheck review ${path} to read every subfolder`,
    ),
  };
}

/**
 * The submissions named on the command line: files as given, folders as every *.yaml, *.yml and *.json in them
 * (with `recursive`, in their subfolders too). Without `recursive` (check), a name that does not exist stays in
 * the list, so its error is reported with the submissions; with it (review), it is a problem and not a file found.
 */
export function collectFiles(paths: readonly string[], recursive = false): CollectedFiles {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const path of paths) {
    const kind = kindOf(path);
    if (kind === 'missing' && recursive) {
      problems.push({ file: path, message: bi('找不到该文件或文件夹', 'No such file or folder') });
    } else if (kind !== 'directory') {
      files.push(path);
    } else {
      const found = walk(path, recursive);
      if (found.length === 0) problems.push(emptyFolder(path, recursive));
      files.push(...found);
    }
  }
  return { files, problems };
}
