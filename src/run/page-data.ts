import type { Lang } from '../core/i18n';
import type { Level, RulePack } from '../pack/types';

/**
 * What `plancheck page` embeds in the page for its script (`<script type="application/json" id="plancheck-data">`):
 * the packs as the command loaded and proved them, the schemas' texts, and the tool's name, so that the page's
 * engine runs on the same data as the command line's, and names itself the same in every report.
 */
export interface PageData {
  tool: { name: string; version: string };
  lang: Lang;
  packs: RulePack[];
  /** The texts of schemas/ by file name (`submission.schema.json`). */
  schemas: Record<string, string>;
  /** The `$schema` path of a YAML file written beside the page (`template`, `convert`, for the page's folder). */
  schemaPath: string;
  /** The level and year the page's form starts with (`--level`, `--year`), when given. */
  level?: Level;
  year?: number;
}

/** What the page is made of: its data, and its script (dist/page/app.js); report/page/ writes it. */
export interface PageDocument {
  data: PageData;
  script: string;
}

/** The id of the element that holds the data. */
export const PAGE_DATA_ID = 'plancheck-data';
