import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bi } from '../i18n';
import type { InputProblem } from '../input/problem';

const SUBMISSION_FILE = /\.(ya?ml|json)$/i;

/** Compares by code point, so the order is the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CollectedFiles {
  files: string[];
  problems: InputProblem[];
}

/**
 * The submissions named on the command line: files as given, folders as every *.yaml, *.yml and *.json in them
 * (with `recursive`, in their subfolders too). A name that does not exist stays in the list, so its error is reported with the rest.
 */
export function collectFiles(paths: readonly string[], recursive = false): CollectedFiles {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const walk = (dir: string): string[] => {
    const found: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => byCodePoint(a.name, b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && recursive) found.push(...walk(path));
      else if (entry.isFile() && SUBMISSION_FILE.test(entry.name)) found.push(path);
    }
    return found;
  };
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // Not there: reported when the file is read.
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = walk(path);
    if (found.length === 0) problems.push({ file: path, message: bi('文件夹中没有 .yaml、.yml 或 .json 报送文件', 'The folder holds no .yaml, .yml or .json submission') });
    files.push(...found);
  }
  return { files, problems };
}
