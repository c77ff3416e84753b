/**
 * The form alone in a page, for tests/page-form.test.ts: the test puts the template (run/template.ts, built in Node)
 * and the first data in `window` before this script runs; every object `onChange` gives is pushed to `formEmitted`.
 */
import type { Lang } from '../../src/core/i18n';
import type { Template } from '../../src/run/template';
import { mountForm, type FormHandle } from '../../src/page/form';

interface HarnessWindow {
  formTemplate: Template;
  formLang?: Lang;
  formInitial?: unknown;
  formEmitted: Record<string, unknown>[];
  formHandle: FormHandle;
}

const harness = window as unknown as HarnessWindow;
harness.formEmitted = [];
const root = document.getElementById('form-root') as HTMLElement;
harness.formHandle = mountForm(root, { template: harness.formTemplate, lang: harness.formLang ?? 'zh' }, harness.formInitial, (data) => harness.formEmitted.push(data));
