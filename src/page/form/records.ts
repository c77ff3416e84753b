/// <reference lib="dom" />
import type { Lang } from '../../core/i18n';
import { ValueControl, type ProblemTarget } from './controls';
import { controlId, element } from './dom';
import type { FieldModel, ListModel } from './model';
import { mergeMissing, put, remainder, setPath, valueAt } from './values';
import { FORM_WORDS } from './words';

/**
 * A list of records as a table (执法决定, 重大行政决策…): one row per record, rows added and removed, and a box to
 * say 无 (none this year, `[]`), which is not the same as a table left empty (not filled in: the list is left out).
 * Each cell is named by its record's place (`enforcement.decisions[2].decided_on`); removing a row renames those below.
 */

interface Row {
  tr: HTMLTableRowElement;
  number: HTMLTableCellElement;
  message: HTMLElement;
  remove: HTMLButtonElement;
  cells: ValueControl[];
  /** What the loaded record holds besides its columns: kept with it. */
  extra: Record<string, unknown>;
  /** A loaded record that is no object (the check says what is wrong with it): kept while no cell is filled. */
  raw?: unknown;
}

/** The id of a column's hint, which each of its cells is described by. */
function columnHintId(list: string, column: FieldModel): string {
  return `${controlId(list)}-column-${column.name}`;
}

export class RecordTable {
  readonly element: HTMLFieldSetElement;
  private readonly none: HTMLInputElement;
  private readonly body: HTMLTableSectionElement;
  private readonly empty: HTMLElement;
  private readonly tableBox: HTMLElement;
  private readonly add: HTMLButtonElement;
  private readonly message: HTMLElement;
  private readonly rows: Row[] = [];

  constructor(readonly list: ListModel, private readonly lang: Lang, private readonly changed: () => void) {
    const words = FORM_WORDS[lang];
    const id = controlId(list.path);
    this.element = element('fieldset', { class: 'pcf-list', 'data-list': list.path, id });
    this.element.append(element('legend', {}, list.label[lang]));
    const hints = element('div', { class: 'pcf-hint', id: `${id}-hint` });
    for (const rule of list.rules) hints.append(element('p', {}, rule.text[lang]));
    const columnHints = element('details', { class: 'pcf-columns' });
    columnHints.append(element('summary', {}, words.columns));
    const dl = element('dl');
    for (const column of list.columns) {
      dl.append(element('dt', {}, column.label[lang]));
      const dd = element('dd', { id: columnHintId(list.path, column) });
      const texts = [...(column.required ? [words.required] : []), ...(column.onlyWhenApplies ? [words.onlyWhenApplies] : []), ...(column.note ? [column.note] : []), ...column.rules.map((rule) => rule.text[lang])];
      dd.textContent = texts.join(lang === 'zh' ? ';' : '; ');
      dl.append(dd);
    }
    columnHints.append(dl);
    const noneLabel = element('label', { class: 'pcf-none' });
    this.none = element('input', { type: 'checkbox', id: `${id}-none`, name: `${list.path}.none`, 'aria-describedby': `${id}-msg` });
    noneLabel.append(this.none, document.createTextNode(words.none));
    this.none.addEventListener('change', () => this.showState());
    const table = element('table', { class: 'pcf-records' });
    const head = element('tr');
    head.append(element('th', { scope: 'col' }, words.number));
    for (const column of list.columns) head.append(element('th', { scope: 'col' }, `${column.label[lang]}${column.required ? ' *' : ''}`));
    head.append(element('th', { scope: 'col' }));
    table.append(element('thead'), (this.body = element('tbody')));
    table.tHead?.append(head);
    this.tableBox = element('div', { class: 'pcf-table-box' });
    this.tableBox.append(table);
    this.empty = element('p', { class: 'pcf-empty' }, words.empty);
    this.add = element('button', { type: 'button', class: 'pcf-add' }, words.add);
    this.add.addEventListener('click', () => {
      this.addRow().cells[0]?.element.querySelector<HTMLElement>('input, select')?.focus();
      this.changed();
    });
    this.message = element('p', { class: 'pcf-message', id: `${id}-msg` });
    this.message.hidden = true;
    this.element.append(hints, columnHints, noneLabel, this.tableBox, this.empty, this.add, this.message);
    this.showState();
  }

  private recordLabel(n: number): string {
    return FORM_WORDS[this.lang].record(this.list.label[this.lang], n);
  }

  private addRow(): Row {
    const index = this.rows.length;
    const tr = element('tr');
    const number = element('th', { scope: 'row' });
    const message = element('p', { class: 'pcf-message' });
    message.hidden = true;
    tr.append(number);
    const cells = this.list.columns.map((column) => {
      const control = new ValueControl(column, '', '', this.lang, columnHintId(this.list.path, column), true);
      const td = element('td');
      td.append(control.element);
      tr.append(td);
      return control;
    });
    const remove = element('button', { type: 'button', class: 'pcf-remove' }, '×');
    const actions = element('td');
    actions.append(remove);
    tr.append(actions);
    const row: Row = { tr, number, message, remove, cells, extra: {} };
    remove.addEventListener('click', () => this.removeRow(row));
    this.rows.push(row);
    this.body.append(tr);
    this.name(row, index);
    this.showState();
    return row;
  }

  private removeRow(row: Row): void {
    const index = this.rows.indexOf(row);
    if (index < 0) return;
    this.rows.splice(index, 1);
    row.tr.remove();
    this.rows.forEach((r, i) => this.name(r, i));
    this.showState();
    this.changed();
  }

  /** Names a row's cells by its place in the list, and labels them so (执法决定第 3 条 决定日期). */
  private name(row: Row, index: number): void {
    const record = `${this.list.path}[${index}]`;
    const label = this.recordLabel(index + 1);
    row.tr.dataset.record = record;
    row.number.textContent = String(index + 1);
    row.number.id = `${controlId(record)}-row`;
    row.number.append(row.message);
    row.message.id = `${controlId(record)}-msg`;
    row.remove.setAttribute('aria-label', FORM_WORDS[this.lang].remove(label));
    row.cells.forEach((cell, i) => cell.rename(`${record}.${this.list.columns[i].name}`, `${label} ${this.list.columns[i].label[this.lang]}`));
  }

  private showState(): void {
    const none = this.none.checked;
    this.tableBox.hidden = none || this.rows.length === 0;
    this.add.disabled = none;
    this.empty.hidden = none || this.rows.length > 0;
  }

  /** The list as the submission writes it: `[]` for 无, the records, or undefined when nothing is filled in. */
  read(): unknown {
    if (this.none.checked) return [];
    if (this.rows.length === 0) return undefined;
    return this.rows.map((row) => {
      const record: Record<string, unknown> = {};
      row.cells.forEach((cell, i) => {
        const value = cell.read();
        if (value !== undefined) setPath(record, this.list.columns[i].name.split('.'), value);
      });
      if (row.raw !== undefined && Object.keys(record).length === 0) return row.raw;
      mergeMissing(record, row.extra);
      return record;
    });
  }

  /** Shows a written list: `[]` ticks 无; records fill rows; anything else (not filled in) leaves the table empty. */
  load(written: unknown): void {
    for (const row of this.rows.splice(0)) row.tr.remove();
    this.none.checked = Array.isArray(written) && written.length === 0;
    if (Array.isArray(written)) {
      for (const record of written) {
        const row = this.addRow();
        const isRecord = record !== null && typeof record === 'object' && !Array.isArray(record);
        if (!isRecord) {
          row.raw = record;
          for (const cell of row.cells) cell.load(undefined);
          continue;
        }
        const taken = new Set<string>();
        row.cells.forEach((cell, i) => {
          const name = this.list.columns[i].name;
          const value = valueAt(record, name.split('.'));
          if (value !== undefined) taken.add(name);
          cell.load(value);
        });
        const extra = remainder(record, taken);
        row.extra = {};
        for (const [key, value] of Object.entries(extra as Record<string, unknown>)) put(row.extra, key, value);
      }
    }
    this.showState();
  }

  /** Where a problem at a path inside this list goes: a cell, a record's row, or the list itself. */
  target(path: string): ProblemTarget {
    const list = { input: this.none, message: this.message };
    const match = /^\[(\d+)\](?:\.(.*))?$/.exec(path.slice(this.list.path.length));
    const row = match ? this.rows[Number(match[1])] : undefined;
    if (!match || !row) return list;
    const rest = match[2] ?? '';
    for (const [i, column] of this.list.columns.entries()) {
      if (rest === column.name || rest.startsWith(`${column.name}.`)) {
        const found = row.cells[i].target(rest.slice(column.name.length + 1));
        if (found) return found;
      }
    }
    return { input: row.number, message: row.message };
  }
}
