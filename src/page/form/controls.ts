/// <reference lib="dom" />
import type { Lang } from '../../core/i18n';
import { controlId, element } from './dom';
import type { FieldModel } from './model';
import { readTyped, shownText, unwrapSourced, withSource } from './values';
import { FORM_WORDS } from './words';

/**
 * The control of one value at one place (`services.online_handling_rate`, `enforcement.decisions[2].decided_on`):
 * an input, a date, or a drop-down with 未填写 first, and the 出处 beside it where the field takes a source. It
 * reads what is typed as the submission's value, and shows a loaded value; a loaded value it cannot show as its
 * kind (a rate written as 0.85, a 是/否 written as text) is kept as loaded until the clerk changes it.
 */

/** Where a problem's message goes: the element to mark invalid and the message next to it. */
export interface ProblemTarget {
  input: HTMLElement;
  message: HTMLElement;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOADED = '__loaded';
const NOT_REQUIRED = 'not_required';

function option(value: string, text: string): HTMLOptionElement {
  return element('option', { value }, text);
}

/** A value loaded that the control shows as some text or option: read back as loaded while that is still shown. */
interface Loaded {
  shown: string;
  value: unknown;
}

export class ValueControl {
  /** Holds the label, the value, the reason (a procedure not required) and the source. */
  readonly element: HTMLElement;
  readonly message: HTMLElement;
  private readonly label: HTMLLabelElement;
  private readonly input: HTMLInputElement | HTMLSelectElement;
  private readonly reason?: { label: HTMLLabelElement; input: HTMLInputElement; box: HTMLElement };
  private readonly source?: { label: HTMLLabelElement; input: HTMLInputElement; box: HTMLElement };
  private loaded?: Loaded;

  /**
   * `describedBy` names the hints the value is described by (the field's own, or its column's); `compact` is a
   * record's cell: the label is read by screen readers only, the source folded under 出处.
   */
  constructor(readonly field: FieldModel, name: string, labelText: string, private readonly lang: Lang, private readonly describedBy: string, compact: boolean) {
    const words = FORM_WORDS[lang];
    this.element = element('div', { class: compact ? 'pcf-cell' : 'pcf-value' });
    this.label = element('label', { class: compact ? 'pcf-hidden-label' : 'pcf-label' });
    this.message = element('p', { class: 'pcf-message' });
    this.message.hidden = true;
    this.input = this.makeInput();
    this.element.append(this.label, this.input);
    if (field.takesNotRequired) {
      const box = element('span', { class: 'pcf-reason' });
      const label = element('label', {}, words.reason);
      const input = element('input', { type: 'text' });
      box.append(label, input);
      box.hidden = true;
      this.reason = { label, input, box };
      this.element.append(box);
      this.input.addEventListener('change', () => this.showReason());
    }
    if (field.takesSource) {
      const box = compact ? element('details', { class: 'pcf-source' }) : element('span', { class: 'pcf-source' });
      const label = element('label', { title: words.sourceHint }, words.source);
      const input = element('input', { type: 'text', title: words.sourceHint });
      if (compact) box.append(element('summary', {}, words.source));
      box.append(label, input);
      this.source = { label, input, box };
      this.element.append(box);
    }
    this.element.append(this.message);
    this.rename(name, labelText);
  }

  private makeInput(): HTMLInputElement | HTMLSelectElement {
    const words = FORM_WORDS[this.lang];
    const { field } = this;
    if (field.kind === 'flag' || field.kind === 'choice') {
      const select = element('select');
      select.append(option('', words.unanswered));
      if (field.kind === 'flag') {
        select.append(option('true', words.yes), option('false', words.no));
        if (field.takesNotRequired) select.append(option(NOT_REQUIRED, words.notRequired));
      } else {
        for (const choice of field.choices ?? []) select.append(option(choice.value, choice.label[this.lang]));
      }
      return select;
    }
    const input = element('input', { type: field.kind === 'date' ? 'date' : 'text' });
    if (field.kind === 'count') input.inputMode = 'numeric';
    if (field.kind === 'rate' || field.kind === 'number') input.inputMode = 'decimal';
    return input;
  }

  /** The name and label of the value, as its place says: a record's cells are renamed when a row above is removed. */
  rename(name: string, labelText: string): void {
    const id = controlId(name);
    this.label.htmlFor = id;
    this.label.textContent = labelText;
    this.input.id = id;
    this.input.name = name;
    this.message.id = `${id}-msg`;
    this.input.setAttribute('aria-describedby', `${this.describedBy} ${this.message.id}`.trim());
    if (this.reason) {
      this.reason.input.id = `${id}.not_required`;
      this.reason.input.name = `${name}.not_required`;
      this.reason.label.htmlFor = this.reason.input.id;
    }
    if (this.source) {
      this.source.input.id = `${id}.source`;
      this.source.input.name = `${name}.source`;
      this.source.label.htmlFor = this.source.input.id;
      this.source.input.setAttribute('aria-label', `${labelText} ${FORM_WORDS[this.lang].source}`);
    }
  }

  private showReason(): void {
    if (!this.reason) return;
    const notRequired = this.input.value === NOT_REQUIRED;
    this.reason.box.hidden = !notRequired;
    // A procedure not required has no value whose source to give.
    if (this.source) this.source.input.disabled = notRequired;
  }

  /** The value as the submission writes it, or undefined when it is not filled in. */
  read(): unknown {
    const typed = this.input.value;
    if (this.loaded && typed === this.loaded.shown) return withSource(this.loaded.value, this.source?.input.value ?? '');
    let value: unknown;
    if (this.field.kind === 'flag') {
      if (typed === NOT_REQUIRED) return { not_required: (this.reason?.input.value ?? '').trim() };
      value = typed === 'true' ? true : typed === 'false' ? false : undefined;
    } else if (this.field.kind === 'choice') {
      value = typed === '' ? undefined : typed;
    } else {
      value = readTyped(this.field.kind, typed);
    }
    return value === undefined ? undefined : withSource(value, this.source?.input.value ?? '');
  }

  /** Shows a written value (undefined or null: not filled in, or the template's own value when `prefill`). */
  load(written: unknown, prefill = false): void {
    this.loaded = undefined;
    this.dropLoadedOption();
    if (this.reason) this.reason.input.value = '';
    const parts = unwrapSourced(written);
    // A source on a field that takes none (a record's id) is kept as written, for the check to say so.
    const { value, source } = parts.source !== undefined && !this.source ? { value: written, source: undefined } : parts;
    if (this.source) this.source.input.value = source ?? '';
    if (value === undefined || value === null) {
      this.setText(prefill && this.field.prefilled !== undefined ? this.field.prefilled : '');
    } else if (this.input instanceof HTMLSelectElement) {
      this.loadChoice(value);
    } else {
      const shown = shownText(this.field.kind, value);
      this.setText(shown);
      if (readTyped(this.field.kind, shown) !== value) this.loaded = { shown, value };
    }
    this.showReason();
  }

  private loadChoice(value: unknown): void {
    const select = this.input as HTMLSelectElement;
    if (this.field.kind === 'flag' && typeof value === 'boolean') {
      select.value = String(value);
      return;
    }
    const notRequired = (value as { not_required?: unknown }).not_required;
    if (this.reason && value !== null && typeof value === 'object' && Object.keys(value).length === 1 && typeof notRequired === 'string') {
      select.value = NOT_REQUIRED;
      this.reason.input.value = notRequired;
      return;
    }
    if (this.field.kind === 'choice' && typeof value === 'string' && this.field.choices?.some((choice) => choice.value === value)) {
      select.value = value;
      return;
    }
    // A value that is none of the choices: shown as loaded, kept until another is chosen (the check then names it).
    select.append(option(LOADED, FORM_WORDS[this.lang].loaded(shownText(this.field.kind, value))));
    select.value = LOADED;
    this.loaded = { shown: LOADED, value };
  }

  private dropLoadedOption(): void {
    if (this.input instanceof HTMLSelectElement) this.input.querySelector(`option[value="${LOADED}"]`)?.remove();
  }

  private setText(text: string): void {
    // A date input shows only a date: a loaded text that is none is shown in a text input, to be seen and corrected.
    const dateInput = this.input instanceof HTMLInputElement && this.field.kind === 'date' ? this.input : undefined;
    if (dateInput) dateInput.type = text === '' || DATE.test(text) ? 'date' : 'text';
    this.input.value = text;
    // A day that does not exist (2024-02-30) a date input empties: it is shown as text too.
    if (dateInput && dateInput.value !== text) {
      dateInput.type = 'text';
      dateInput.value = text;
    }
  }

  /** Where a problem at `rest` below this value goes (`''` or `value`: the value; `source`; `not_required`). */
  target(rest: string): ProblemTarget | undefined {
    if (rest === '' || rest === 'value') return { input: this.input, message: this.message };
    if (rest === 'source' && this.source) return { input: this.source.input, message: this.message };
    if (rest === NOT_REQUIRED && this.reason) return { input: this.reason.input, message: this.message };
    return undefined;
  }
}
