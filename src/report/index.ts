import type { CheckResult } from '../findings/types';
import type { Lang } from '../i18n';
import type { InputProblem } from '../input/problem';
import { renderJson } from './json';
import { renderTable } from './table';

export type Renderer = (result: CheckResult, lang: Lang, runErrors: readonly InputProblem[]) => string;

/** One file per output format, as conftest keeps one per --output. */
export const RENDERERS = {
  table: renderTable,
  json: renderJson,
} satisfies Record<string, Renderer>;

export type Format = keyof typeof RENDERERS;
export const FORMATS = Object.keys(RENDERERS) as Format[];
