import type { Lang } from '../../core/i18n';
import type { RuleExplanation } from '../../run/catalogue';
import { chapterTitle } from '../kit/view';
import { citationText, fieldText, levelsText, severityWords, statusWords, yearsText } from '../kit/rules';

/** `explain` as labelled sections, for the table and the Markdown alike: each a heading and its lines. */
export interface ExplainSection {
  heading: string;
  lines: string[];
}

const T = {
  zh: {
    source: '原文(引文在其所在的整句中,以【】标出)',
    clause: '出处',
    check: '检查方法',
    fields: '读取的字段',
    statuses: '可能的结果',
    scope: '适用范围',
    kind: '检查类型',
    requirement: '要求',
    chapter: '所在章节',
    levels: '适用层级',
    years: '适用年度',
    severity: '严重程度',
    none: '(不读取字段)',
  },
  en: {
    source: 'Source (the quote within its whole sentence, marked 【】)',
    clause: 'Clause',
    check: 'How it is checked',
    fields: 'Fields read',
    statuses: 'What it can give',
    scope: 'Where it applies',
    note: 'How the source is read',
    kind: 'kind',
    requirement: 'required',
    chapter: 'chapter',
    levels: 'levels',
    years: 'years',
    severity: 'severity',
    none: '(reads no field)',
  },
} as const;

/** The quote marked inside its sentence: 市县级人社服务事项网上可办率不低于90% → …【市县级…90%】;… */
export function markedSentence(explanation: RuleExplanation): string {
  const { before, quote, after } = explanation.sentence;
  return `${before}【${quote}】${after}`;
}

export function explainSections(explanation: RuleExplanation, lang: Lang): ExplainSection[] {
  const t = T[lang];
  const { rule } = explanation;
  const sep = lang === 'zh' ? ':' : ': ';
  const sections: ExplainSection[] = [
    { heading: t.source, lines: [markedSentence(explanation)] },
    { heading: t.clause, lines: [lang === 'zh' ? `${citationText(rule, lang)}(${rule.document_number})` : `${citationText(rule, lang)} (${rule.document_number})`, ...(rule.chapter ? [`${t.chapter}${sep}${chapterTitle(rule.chapter, lang)}`] : [])] },
    {
      heading: t.check,
      lines: [lang === 'zh' ? `${t.kind}${sep}${rule.kindDescription.zh}` : `${t.kind}${sep}${rule.kind}: ${rule.kindDescription.en}`, `${t.requirement}${sep}${rule.requirement[lang]}`],
    },
    { heading: t.fields, lines: rule.fields.length > 0 ? rule.fields.map((f) => fieldText(f, lang)) : [t.none] },
    { heading: t.statuses, lines: explanation.statuses.map((s) => `${statusWords(s.status, lang)}${lang === 'zh' ? '' : ` (${s.status})`}${sep}${s.when[lang]}`) },
    { heading: t.scope, lines: [`${t.levels}${sep}${levelsText(rule, lang)}`, `${t.years}${sep}${yearsText(rule, lang)}`, `${t.severity}${sep}${severityWords(rule, lang)}`] },
  ];
  // The pack writes its readings for maintainers in English (pack.yaml `note`): shown in English; the JSON keeps them.
  const notes = [rule.note, rule.levelsNote].filter((n): n is string => n !== undefined);
  if (notes.length > 0 && lang === 'en') sections.push({ heading: T.en.note, lines: notes });
  return sections;
}
