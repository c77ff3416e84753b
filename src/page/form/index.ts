/// <reference lib="dom" />
import type { Lang } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import type { Template } from '../../run/template';
import { ValueControl, type ProblemTarget } from './controls';
import { controlId, element } from './dom';
import { formModel, type FieldModel, type FormModel, type GroupModel, type ItemModel, type SectionModel } from './model';
import { RecordTable } from './records';
import { FORM_CSS } from './style';
import { mergeMissing, remainder, setPath, valueAt } from './values';
import { FORM_WORDS } from './words';

/**
 * The self-check page's form: a submission filled in field by field, drawn from the template of a level
 * and a year. What it emits is a submission's data as its YAML would parse: only the fields filled in, `{ value,
 * source }` where a source is given, `[]` for a list of none this year; and whatever a loaded file holds that the
 * form has no field for, kept as loaded. `showProblems` puts the CLI's messages on the fields and cells they name.
 */

export interface FormContext {
  template: Template;
  lang: Lang;
}

export interface FormHandle {
  /** Fills the form from a submission's data (a loaded file), then calls `onChange` with what it now holds. */
  setData(data: unknown): void;
  /** Puts each problem on its field, its cell, its record or its list (else above the form); earlier ones are cleared. */
  showProblems(problems: readonly InputProblem[]): void;
  /** Empties the form and its problems (the template's level and year stay, as the template writes them), then calls `onChange`. */
  clear(): void;
}

interface Group {
  path: string;
  target: ProblemTarget;
}

type Plain = Record<string, unknown>;

class Form {
  readonly element: HTMLDivElement;
  private readonly model: FormModel;
  private readonly controls = new Map<string, ValueControl>();
  private readonly tables = new Map<string, RecordTable>();
  private readonly groups: Group[] = [];
  private readonly unplaced: HTMLElement;
  private extra: Plain = {};
  private marked: ProblemTarget[] = [];
  /** The JSON of the data last given to `onChange`. */
  private emitted = '';

  constructor(template: Template, private readonly lang: Lang, private readonly onChange: (data: Plain) => void) {
    this.model = formModel(template);
    // A block, not a <form>: the page may mount it in a <form> of its own, and forms do not nest.
    this.element = element('div', { class: 'pcf-form' });
    this.unplaced = element('div', { class: 'pcf-unplaced', role: 'alert' });
    this.unplaced.hidden = true;
    this.element.append(this.unplaced, ...this.model.sections.map((section) => this.section(section)));
    // Every change of a value, a reason, a source or the 无 box: typing, choosing, ticking. A select fires both
    // events, a text field `change` again when it is left: the same data is not given twice.
    this.element.addEventListener('input', () => this.emitChanged());
    this.element.addEventListener('change', () => this.emitChanged());
  }

  private section(section: SectionModel): HTMLElement {
    const details = element('details', { class: 'pcf-chapter', 'data-section': section.key, open: '' });
    details.append(element('summary', {}, section.title[this.lang]));
    details.append(...section.items.map((item) => this.item(item)));
    return details;
  }

  private item(item: ItemModel): HTMLElement {
    if ('group' in item) return this.group(item.group);
    if ('list' in item) {
      const table = new RecordTable(item.list, this.lang, () => this.emitChanged());
      this.tables.set(item.list.path, table);
      return table.element;
    }
    return this.field(item.field);
  }

  private group(group: GroupModel): HTMLElement {
    const fieldset = element('fieldset', { class: 'pcf-group', 'data-group': group.path });
    fieldset.append(element('legend', {}, group.label[this.lang]));
    fieldset.append(...group.items.map((item) => this.item(item)));
    const message = element('p', { class: 'pcf-message' });
    message.hidden = true;
    fieldset.append(message);
    // A group split over two chapters is one place for its problems: the first.
    if (!this.groups.some((g) => g.path === group.path)) this.groups.push({ path: group.path, target: { input: fieldset, message } });
    return fieldset;
  }

  private field(field: FieldModel): HTMLElement {
    const words = FORM_WORDS[this.lang];
    const hintId = `${controlId(field.path)}-hint`;
    const control = new ValueControl(field, field.path, field.label[this.lang], this.lang, hintId, false);
    this.controls.set(field.path, control);
    const box = element('div', { class: 'pcf-field', 'data-field': field.path });
    const hint = element('div', { class: 'pcf-hint', id: hintId });
    for (const rule of field.rules) hint.append(element('p', {}, rule.text[this.lang]));
    const how = [field.kind === 'rate' || field.kind === 'count' || field.kind === 'date' || field.kind === 'number' ? words.kindHint[field.kind] : '', field.note ?? ''].filter(Boolean);
    if (how.length > 0) hint.append(element('p', { class: 'pcf-how' }, how.join(this.lang === 'zh' ? ';' : '; ')));
    box.append(control.element, hint);
    return box;
  }

  /** The data the form holds, in the template's order, then what a loaded file held besides. */
  data(): Plain {
    const data: Plain = {};
    for (const entry of this.model.entries) {
      const path = 'field' in entry ? entry.field.path : entry.list.path;
      const value = 'field' in entry ? this.controls.get(path)?.read() : this.tables.get(path)?.read();
      if (value !== undefined) setPath(data, path.split('.'), value);
    }
    mergeMissing(data, this.extra);
    return data;
  }

  /** Gives the data to `onChange`. */
  emit(): void {
    const data = this.data();
    this.emitted = JSON.stringify(data);
    this.onChange(data);
  }

  private emitChanged(): void {
    if (JSON.stringify(this.data()) !== this.emitted) this.emit();
  }

  /** Shows a submission's data, or with none the template's own values (its level and year). */
  load(data: unknown): void {
    const given = data !== null && typeof data === 'object' && !Array.isArray(data);
    const taken = new Set<string>();
    for (const entry of this.model.entries) {
      const path = 'field' in entry ? entry.field.path : entry.list.path;
      const value = given ? valueAt(data, path.split('.')) : undefined;
      if ('field' in entry) {
        if (value !== undefined) taken.add(path);
        this.controls.get(path)?.load(value, !given);
      } else {
        // A list written as something else than records is kept as written: the check says what is wrong with it.
        if (Array.isArray(value) || value === null) taken.add(path);
        this.tables.get(path)?.load(value);
      }
    }
    this.extra = given ? (remainder(data, taken) as Plain) : {};
  }

  showProblems(problems: readonly InputProblem[]): void {
    for (const target of this.marked) {
      target.input.removeAttribute('aria-invalid');
      target.message.textContent = '';
      target.message.hidden = true;
    }
    this.marked = [];
    this.unplaced.replaceChildren();
    const words = FORM_WORDS[this.lang];
    const texts = new Map<HTMLElement, string[]>();
    const unplaced: string[] = [];
    for (const problem of problems) {
      const text = `${problem.message[this.lang]}${problem.expected ? words.expected(problem.expected[this.lang]) : ''}`;
      const target = problem.field === undefined ? undefined : this.target(problem.field);
      if (!target) {
        unplaced.push(problem.field && !(problem.label && this.lang === 'zh') ? `${problem.field}:${text}` : text);
        continue;
      }
      target.input.setAttribute('aria-invalid', 'true');
      // A collapsed chapter, or a cell's folded 出处, is opened: the message is seen where it is.
      for (let fold = target.input.closest('details'); fold; fold = fold.parentElement?.closest('details') ?? null) fold.open = true;
      texts.set(target.message, [...(texts.get(target.message) ?? []), text]);
      this.marked.push(target);
    }
    for (const [message, lines] of texts) {
      message.textContent = lines.join(this.lang === 'zh' ? ';' : '; ');
      message.hidden = false;
    }
    if (unplaced.length > 0) {
      const list = element('ul');
      for (const text of unplaced) list.append(element('li', {}, text));
      this.unplaced.append(element('p', {}, words.unplaced), list);
    }
    this.unplaced.hidden = unplaced.length === 0;
  }

  /** The place of a problem's field: the value at that path or the nearest place above it that the form has. */
  private target(path: string): ProblemTarget | undefined {
    const within = (prefix: string): boolean => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
    for (const [name, control] of this.controls) {
      if (within(name)) return control.target(path.slice(name.length + 1)) ?? control.target('');
    }
    for (const [list, table] of this.tables) if (within(list)) return table.target(path);
    const groups = this.groups.filter((group) => within(group.path)).sort((a, b) => b.path.length - a.path.length);
    return groups[0]?.target;
  }
}

/** The roots whose submission is already prevented. */
const GUARDED = new WeakSet<HTMLElement>();

/**
 * Draws the form in `root` and fills it from `data` (a submission's data; `undefined` or `null` for a new one, which
 * shows the template's level and year). `onChange` gets the data on mounting, on every change, and after
 * `setData` and `clear`.
 */
export function mountForm(root: HTMLElement, context: FormContext, data: unknown, onChange: (data: Record<string, unknown>) => void): FormHandle {
  const form = new Form(context.template, context.lang, onChange);
  const style = element('style', { 'data-plancheck-form': '' }, FORM_CSS);
  root.replaceChildren(style, form.element);
  // Enter in a field of a <form> root would submit it and reload the page, losing what is typed. Once per root:
  // the page mounts the form again in it when the level or the year changes.
  if (!GUARDED.has(root)) root.addEventListener('submit', (event) => event.preventDefault());
  GUARDED.add(root);
  form.load(data);
  form.emit();
  return {
    setData: (next) => {
      form.load(next);
      form.emit();
    },
    showProblems: (problems) => form.showProblems(problems),
    clear: () => {
      form.showProblems([]);
      form.load(undefined);
      form.emit();
    },
  };
}
