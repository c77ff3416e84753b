import { bi } from '../core/i18n';
import type { IntakeFormat } from './format';
import { readHead, readSubmissionBytes } from './read-file';
import { parseYamlText } from './yaml';
import { jsonCommentProblems } from './yaml-guards';

/** plancheck's own reports begin so (cli-contract.md: `tool` comes first); a submission has no `tool` key. */
const OWN_REPORT = /^\uFEFF?\s*\{\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"plancheck"\s*[,}]/;

/** A `.json` whose top level has `tool.name` "plancheck": an earlier report, not a submission. */
export function isPlancheckReport(file: string): boolean {
  const head = readHead(file, 4096)?.toString('utf8');
  if (head === undefined || !head.includes('"tool"')) return false;
  if (OWN_REPORT.test(head)) return true;
  // `tool` written further on (a report rewritten by another program): read it whole, within the size limit.
  try {
    const data = JSON.parse(readSubmissionBytes(file).toString('utf8')) as { tool?: { name?: unknown } } | null;
    return data?.tool?.name === 'plancheck';
  } catch {
    return false;
  }
}

/**
 * JSON submissions. JSON is YAML 1.2, so the YAML parser reads it with every node's line and column; a comment,
 * which JSON has not, is refused first with its place.
 */
export const jsonFormat: IntakeFormat = {
  id: 'json',
  title: bi('JSON 文件', 'JSON file'),
  extensions: ['.json'],
  isSubmission: (file) => !isPlancheckReport(file),
  parse: (file, bytes, options) => parseYamlText(file, bytes, (source) => jsonCommentProblems(file, source), options),
};
