import type { Lang } from '../../core/i18n';

/** The words of the form, in each language (the labels, hints and requirements come from the template). */
export interface FormWords {
  unanswered: string;
  yes: string;
  no: string;
  notRequired: string;
  reason: string;
  source: string;
  sourceHint: string;
  add: string;
  remove: (label: string) => string;
  none: string;
  empty: string;
  record: (list: string, n: number) => string;
  number: string;
  required: string;
  onlyWhenApplies: string;
  kindHint: { rate: string; count: string; date: string; number: string };
  columns: string;
  loaded: (text: string) => string;
  unplaced: string;
  expected: (text: string) => string;
}

export const FORM_WORDS: Readonly<Record<Lang, FormWords>> = {
  zh: {
    unanswered: '未填写',
    yes: '是',
    no: '否',
    notRequired: '依法不需要',
    reason: '不需要的理由',
    source: '出处',
    sourceHint: '选填:该数值在年度报告或台账中的出处,检查结果会把它列为依据',
    add: '添加一条',
    remove: (label) => `删除${label}`,
    none: '本年度没有此类记录(无)',
    empty: '尚未填写:点“添加一条”逐条填写;本年度没有此类记录时勾选“无”。',
    record: (list, n) => `${list}第 ${n} 条`,
    number: '序号',
    required: '必填',
    onlyWhenApplies: '仅在适用时填写',
    kindHint: { rate: '填写百分比,如 93.5 或 93.5%', count: '填写 0 或正整数,不带单位', date: '填写日期,如 2024-03-01', number: '填写数字' },
    columns: '各栏用于',
    loaded: (text) => `载入的值:${text}`,
    unplaced: '以下问题不属于表单中的某一栏:',
    expected: (text) => `(应为:${text})`,
  },
  en: {
    unanswered: 'not filled in',
    yes: 'yes',
    no: 'no',
    notRequired: 'not required by law',
    reason: 'why it was not required',
    source: 'source',
    sourceHint: "optional: where the value stands in the annual report or a ledger; the findings show it as evidence",
    add: 'Add a record',
    remove: (label) => `Remove ${label}`,
    none: 'None this year',
    empty: 'Not filled in: add the records one by one, or tick "None this year".',
    record: (list, n) => `${list} ${n}`,
    number: 'No.',
    required: 'required',
    onlyWhenApplies: 'only where it applies',
    kindHint: { rate: 'a percentage, such as 93.5 or 93.5%', count: 'a whole number, 0 or more', date: 'a date, such as 2024-03-01', number: 'a number' },
    columns: 'The columns are read by',
    loaded: (text) => `loaded value: ${text}`,
    unplaced: 'These problems belong to no single field of the form:',
    expected: (text) => ` (expected: ${text})`,
  },
};
