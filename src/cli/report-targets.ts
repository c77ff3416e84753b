import { bi } from '../core/i18n';
import type { InputProblem } from '../intake/problem';

export interface ReportTarget<F extends string> {
  format: F;
  path: string;
}

/** `--report html:out/report.html` → the format and the path (a path may itself hold colons). */
export function parseReportTargets<F extends string>(specs: readonly string[], formats: readonly F[], problems: InputProblem[]): ReportTarget<F>[] {
  const targets: ReportTarget<F>[] = [];
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const format = spec.slice(0, Math.max(colon, 0)) as F;
    const path = colon > 0 ? spec.slice(colon + 1) : '';
    if (formats.includes(format) && path) {
      targets.push({ format, path });
      continue;
    }
    problems.push({
      file: '--report',
      message: bi(`--report 的写法应为 格式:路径,如 html:out/report.html;收到 "${spec}"`, `--report takes FORMAT:PATH, e.g. html:out/report.html; got "${spec}"`),
      expected: bi(`格式为 ${formats.join('、')} 之一`, `a format among ${formats.join(', ')}`),
    });
  }
  return targets;
}
