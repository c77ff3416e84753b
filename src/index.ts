/** plancheck as a library: load a pack and a submission, evaluate, and read the findings. */
export { loadPack } from './pack/load';
export { loadSubmission, parseSubmission } from './submission/load';
export { evaluate, Checker } from './check';
export { loadCalendar, loadHolidayYear } from './calendar/holiday-notices';
export { WorkingDayCalendar } from './calendar/working-days';
export { InputError, type InputProblem } from './input/problem';
export { renderJson } from './report/json';
export { renderTable } from './report/table';
export { BUNDLED_PACK } from './paths';
export type { RulePack, Rule, Check, Level, Operator, Unit, Severity } from './pack/types';
export type { Submission, Bureau } from './submission/types';
export type { Finding, Status, Summary, Evidence, Expected, Citation, SubmissionResult, SubmissionError, CheckResult } from './findings/types';
export { STATUSES } from './findings/types';
export type { Bilingual, Lang } from './i18n';
