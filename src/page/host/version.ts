import { pageData } from './embedded';

/** core/version.ts in the page: the tool as the command that wrote the page names itself. */
export const TOOL = pageData().tool;
