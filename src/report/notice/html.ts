import type { Lang } from '../../core/i18n';
import type { Citation, Evidence, Finding, PackInfo } from '../../findings/types';
import type { FilingNotice, NoticeDocument, RectificationNotice, ReplyDeadline, RosterSource } from '../../run/notices';
import { escapeHtml, pageHead } from '../kit/html';
import { LEVEL_LABELS } from '../kit/labels';
import { evidenceWhere, foundText, requiredText, restatesText } from '../kit/view';

/**
 * A rectification notice (整改通知) as one printable page: the letter to one bureau for one year, each target it
 * fails or lacks data for with its clause, verbatim quote, what was found and what is required, and the records
 * concerned; the date to reply by; blanks for the document number and for signature and seal. A bureau on the
 * roster that has not filed for a year gets a notice to file (催报通知) in the same frame, naming the roster instead
 * of a submission.
 *
 * The whole letter stands in one table cell, between a `<thead>` and a `<tfoot>`: Chromium repeats both on every
 * printed page, so every page states the bureau and the pack and submission it was made from with their sha256,
 * whether the page is printed from a browser or to PDF (report/notice/pdf.ts).
 */

const T = {
  zh: {
    kind: '整改通知',
    title: (year: number) => `关于 ${year} 年度法治建设指标整改的通知`,
    docNumber: '文号',
    intro: (packs: string, year: number, asOf: string, fail: number, missing: number, date: string) =>
      `根据${packs},对你单位报送的 ${year} 年度法治建设数据(数据截止日 ${asOf})进行了检查。检查发现 ${fail} 项指标未达到要求、${missing} 项指标缺少数据(缺少数据不视为达标)。现将有关事项通知如下,请逐项整改或补报数据,并于 ${date}前将整改情况书面报送。`,
    failing: (n: number) => `未达到要求的指标(${n} 项)`,
    missing: (n: number) => `缺少数据的指标(${n} 项)`,
    none: '无。',
    reply: '回复期限',
    replyLine: (date: string) => `请于 ${date}前书面回复整改情况;缺少数据的指标,请一并补报数据及其出处。`,
    replyCounted: (from: string, days: number) => `本期限为本批报送数据截止日中最晚的 ${from} 之后第 ${days} 个工作日(按国家法定节假日安排计算,起算日当天不计入)。`,
    replyGiven: '本期限由审查机关指定。',
    basis: '依据',
    quote: '原文',
    found: '实际',
    required: '要求',
    finding: '说明',
    records: '涉及记录',
    source: '出处',
    signer: '签发',
    seal: '(盖章)',
    dated: '日期:        年      月      日',
    running: (kind: string, bureau: string, year: number) => `${kind} · ${bureau} · ${year} 年度`,
    pack: '规则包',
    submission: '报送文件',
    roster: '名册',
    offRoster: (file: string) => `注:你单位不在应报送单位名册(${file})中(名册外),请与审查机关核对单位名称和行政区划代码。`,
    filingKind: '催报通知',
    filingTitle: (year: number) => `关于报送 ${year} 年度法治建设数据的通知`,
    filingIntro: (packs: string, year: number, file: string, date: string) =>
      `根据${packs},你单位列于应报送单位名册(${file}),应报送 ${year} 年度法治建设数据。本次审查没有收到你单位 ${year} 年度的报送(未报送),未报送按未达到要求计。请于 ${date}前报送该年度的数据。`,
    notFiled: '未报送的年度数据',
    notFiledItem: (year: number) => `${year} 年度法治建设数据(未报送)`,
    notFiledFound: '审查机关没有收到该年度的报送',
    notFiledRequired: '按上述依据报送该年度全部指标的数据,并写明每项数据的出处',
    filingReplyLine: (year: number, date: string) => `请于 ${date}前报送 ${year} 年度法治建设数据及其出处。`,
    numbered: ['一', '二', '三', '四'],
    sep: '、',
    colon: ':',
  },
  en: {
    kind: 'Rectification notice',
    title: (year: number) => `Notice to rectify the rule-of-law targets of ${year}`,
    docNumber: 'Document number',
    intro: (packs: string, year: number, asOf: string, fail: number, missing: number, date: string) =>
      `Under ${packs}, the rule-of-law data your bureau submitted for ${year} (compiled on ${asOf}) has been checked. ${fail} target(s) are not met and ${missing} lack data (missing data never counts as met). Please rectify each item below or supply the missing data, and report in writing by ${date}.`,
    failing: (n: number) => `Targets not met (${n})`,
    missing: (n: number) => `Targets lacking data (${n})`,
    none: 'None.',
    reply: 'Reply by',
    replyLine: (date: string) => `Please reply in writing by ${date}; for targets lacking data, supply the data and its source as well.`,
    replyCounted: (from: string, days: number) => `This is the ${days}th working day after ${from}, the latest date of compilation in this batch of submissions (statutory holidays observed; the start day not counted).`,
    replyGiven: 'This date was set by the reviewing office.',
    basis: 'Basis',
    quote: 'Quote',
    found: 'Found',
    required: 'Required',
    finding: 'Finding',
    records: 'Records concerned',
    source: 'source',
    signer: 'Issued by',
    seal: '(seal)',
    dated: 'Date:',
    running: (kind: string, bureau: string, year: number) => `${kind} · ${bureau} · ${year}`,
    pack: 'Rule pack',
    submission: 'Submission',
    roster: 'Roster',
    offRoster: (file: string) => `Note: your bureau is not on the roster of bureaus expected to file (${file}); please check your bureau's name and region code with the reviewing office.`,
    filingKind: 'Notice to file',
    filingTitle: (year: number) => `Notice to file the rule-of-law data of ${year}`,
    filingIntro: (packs: string, year: number, file: string, date: string) =>
      `Under ${packs}, your bureau is on the roster of bureaus expected to file (${file}) and is to submit its rule-of-law data for ${year}. This review received no submission from your bureau for ${year} (not filed), which counts as not meeting the targets. Please file the data of that year by ${date}.`,
    notFiled: 'Annual data not filed',
    notFiledItem: (year: number) => `Rule-of-law data of ${year} (not filed)`,
    notFiledFound: 'No submission for the year has reached the reviewing office',
    notFiledRequired: "The year's data for every target of the plan above, with the source of each figure",
    filingReplyLine: (year: number, date: string) => `Please file the rule-of-law data of ${year}, with its sources, by ${date}.`,
    numbered: ['1', '2', '3', '4'],
    sep: '. ',
    colon: ': ',
  },
} as const;

/** The page's own style: a letter on A4, the running head and foot in small type, the foot's hashes wrapping. */
const STYLE = `
:root { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; color: #111; }
body { margin: 0 auto; max-width: 800px; padding: 24px; line-height: 1.7; font-size: 15px; }
table.sheet { width: 100%; border-collapse: collapse; }
table.sheet > thead td, table.sheet > tfoot td { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 9px; line-height: 1.45; color: #444; }
table.sheet > thead td { border-bottom: 1px solid #999; padding-bottom: 3px; }
table.sheet > tfoot td { border-top: 1px solid #999; padding-top: 3px; word-break: break-all; }
table.sheet > tbody > tr > td { padding: 10px 0; }
h1 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; text-align: center; font-size: 22px; margin: 8px 0 4px; letter-spacing: 1px; }
.doc-number { text-align: center; margin: 0 0 18px; }
.blank { display: inline-block; border-bottom: 1px solid #111; min-width: 14em; height: 1.2em; vertical-align: bottom; }
.blank.short { min-width: 8em; }
p.addressee { margin: 0 0 6px; font-weight: bold; }
p.intro { text-indent: 2em; margin: 0 0 12px; }
h2 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 16px; margin: 18px 0 6px; break-after: avoid; }
article.item { border-left: 4px solid #b71c1c; padding: 2px 0 4px 12px; margin: 0 0 12px; break-inside: avoid; }
article.item[data-status="missing_data"] { border-left-color: #6a1b9a; }
article.item[data-status="not_filed"] { border-left-color: #e65100; }
p.off-roster { border: 1px solid #e65100; padding: 4px 8px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 0 0 2px; }
h3 code { font-family: "DejaVu Sans Mono", monospace; font-size: 11px; font-weight: normal; color: #555; margin-left: 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 12px; margin: 2px 0; }
dt { color: #555; } dd { margin: 0; }
ul.records { margin: 0; padding-left: 18px; }
section.sign { margin-top: 36px; display: grid; grid-template-columns: 1fr 1fr; gap: 16px; break-inside: avoid; }
.seal-box { border: 1px dashed #999; height: 110px; width: 110px; border-radius: 50%; display: flex; align-items: center; justify-content: center; color: #999; margin-left: auto; }
@page { size: A4; margin: 14mm 16mm 16mm; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } }`;

/** A date as the letter writes it: 2025 年 2 月 17 日; ISO in English. */
export function letterDate(date: string, lang: Lang): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** The plan the notice rests on: 《…》(湘人社发〔2022〕51号), each pack once. */
function packsWords(packs: readonly PackInfo[], lang: Lang): string {
  const named = packs.map((p) => `${p.title.zh.startsWith('《') ? p.title.zh : `《${p.title.zh}》`}(${p.document_number})`);
  return named.join(lang === 'zh' ? '、' : ', ');
}

/** The clause with its document and number: 《…》(湘人社发〔2022〕51号)(七). */
function basisWords(citation: Citation): string {
  const number = citation.document_number ? `(${citation.document_number})` : '';
  return `${citation.document}${number}${citation.clause}`;
}

function evidenceItem(evidence: Evidence, lang: Lang, prefix = ''): string {
  const where = evidenceWhere(evidence, lang);
  const source = evidence.source ? `(${T[lang].source}${T[lang].colon}${escapeHtml(evidence.source)})` : '';
  return `<li>${escapeHtml(prefix)}${where ? `<strong>${escapeHtml(where)}</strong>${T[lang].colon}` : ''}${escapeHtml(evidence.detail[lang])}${source}</li>`;
}

/** The records concerned: the finding's own, and for a composite the leaves that fail or lack data, each with theirs. */
function recordsOf(finding: Finding, lang: Lang): string[] {
  const own = finding.evidence.map((e) => evidenceItem(e, lang));
  const leaves = (finding.leaves ?? [])
    .filter((leaf) => leaf.status === 'fail' || leaf.status === 'missing_data')
    .flatMap((leaf) => [`<li>${escapeHtml(`${leaf.number} ${leaf.message[lang]}`)}</li>`, ...leaf.evidence.map((e) => evidenceItem(e, lang, `${leaf.number} `))]);
  return [...own, ...leaves];
}

function itemHtml(finding: Finding, index: number, lang: Lang): string {
  const t = T[lang];
  const restates = restatesText(finding.citation, lang);
  const records = recordsOf(finding, lang);
  const row = (term: string, value: string, cls: string): string => `<dt>${term}</dt><dd class="${cls}">${value}</dd>`;
  return `<article class="item" data-rule="${escapeHtml(finding.rule)}" data-status="${finding.status}">
<h3>${index + 1}. ${escapeHtml(finding.title[lang])}<code>${escapeHtml(finding.rule)}</code></h3>
<dl>${row(t.basis, escapeHtml(basisWords(finding.citation)), 'basis')}${row(t.quote, `“<span class="quote" lang="zh-CN">${escapeHtml(finding.citation.quote)}</span>”${restates ? `<br><span class="restates">${escapeHtml(restates)}</span>` : ''}`, 'quote-line')}${row(t.found, escapeHtml(foundText(finding, lang)), 'found')}${row(t.required, escapeHtml(requiredText(finding, lang)), 'required')}${row(t.finding, escapeHtml(finding.message[lang]), 'message')}${records.length > 0 ? row(t.records, `<ul class="records">${records.join('')}</ul>`, 'records') : ''}</dl>
</article>`;
}

function itemsSection(kind: 'failing' | 'missing', findings: readonly Finding[], number: string, lang: Lang): string {
  const t = T[lang];
  const heading = `${number}${t.sep}${kind === 'failing' ? t.failing(findings.length) : t.missing(findings.length)}`;
  const body = findings.length > 0 ? findings.map((f, i) => itemHtml(f, i, lang)).join('\n') : `<p>${t.none}</p>`;
  return `<section class="items ${kind}">\n<h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

/** The reply section: by when, and how the date was found; `line` is what the bureau is to send by then. */
function replyHtml(reply: ReplyDeadline, number: string, line: string, lang: Lang): string {
  const t = T[lang];
  const how = reply.given || reply.from === undefined || reply.workingDays === undefined ? t.replyGiven : t.replyCounted(reply.from, reply.workingDays);
  return `<section class="reply">\n<h2>${escapeHtml(`${number}${t.sep}${t.reply}`)}</h2>\n<p class="reply-by" data-date="${reply.date}">${escapeHtml(line)}</p>\n<p class="reply-how">${escapeHtml(how)}</p>\n</section>`;
}

/** The one item of a notice to file: the year not filed, the plan it is due under, what is required. */
function notFiledHtml(doc: NoticeDocument, notice: FilingNotice, number: string, lang: Lang): string {
  const t = T[lang];
  const row = (term: string, value: string, cls: string): string => `<dt>${term}</dt><dd class="${cls}">${value}</dd>`;
  const rows = `${row(t.basis, escapeHtml(packsWords(doc.packs, lang)), 'basis')}${row(t.found, escapeHtml(t.notFiledFound), 'found')}${row(t.required, escapeHtml(t.notFiledRequired), 'required')}${row(t.roster, escapeHtml(notice.roster.file), 'roster')}`;
  return `<section class="items not-filed">\n<h2>${escapeHtml(`${number}${t.sep}${t.notFiled}`)}</h2>\n<article class="item" data-status="not_filed" data-year="${notice.year}">\n<h3>1. ${escapeHtml(t.notFiledItem(notice.year))}</h3>\n<dl>${rows}</dl>\n</article>\n</section>`;
}

/**
 * What every printed page states at its foot: each pack with its version and sha256, and the submission's sha256;
 * a notice to file has no submission, and names the roster that expects one, with its sha256.
 */
export function footLines(doc: NoticeDocument, lang: Lang): string[] {
  const t = T[lang];
  const packs = doc.packs.map((p) => `${t.pack}${t.colon}${p.id} ${p.version} · sha256 ${p.sha256}`);
  const { notice } = doc;
  const source = notice.kind === 'not_filed' ? `${t.roster}${t.colon}${notice.roster.file} · sha256 ${notice.roster.sha256}` : `${t.submission}${t.colon}${notice.file} · sha256 ${notice.sha256}`;
  return [...packs, source];
}

function offRosterHtml(roster: RosterSource | undefined, lang: Lang): string {
  return roster ? `<p class="off-roster" data-roster="${escapeHtml(roster.file)}">${escapeHtml(T[lang].offRoster(roster.file))}</p>\n` : '';
}

/** The letter's body for a submission: what it fails, what it lacks, by when to reply. */
function rectifyBody(doc: NoticeDocument, notice: RectificationNotice, lang: Lang): { title: string; body: string } {
  const t = T[lang];
  const date = letterDate(doc.reply.date, lang);
  const intro = t.intro(packsWords(doc.packs, lang), notice.year, notice.asOf, notice.failing.length, notice.missing.length, date);
  return {
    title: t.title(notice.year),
    body: `<p class="intro">${escapeHtml(intro)}</p>
${offRosterHtml(notice.offRoster, lang)}${itemsSection('failing', notice.failing, t.numbered[0], lang)}
${itemsSection('missing', notice.missing, t.numbered[1], lang)}
${replyHtml(doc.reply, t.numbered[2], t.replyLine(date), lang)}`,
  };
}

/** The letter's body for a bureau of the roster that has not filed: the year to file, and by when. */
function filingBody(doc: NoticeDocument, notice: FilingNotice, lang: Lang): { title: string; body: string } {
  const t = T[lang];
  const date = letterDate(doc.reply.date, lang);
  return {
    title: t.filingTitle(notice.year),
    body: `<p class="intro">${escapeHtml(t.filingIntro(packsWords(doc.packs, lang), notice.year, notice.roster.file, date))}</p>
${notFiledHtml(doc, notice, t.numbered[0], lang)}
${replyHtml(doc.reply, t.numbered[1], t.filingReplyLine(notice.year, date), lang)}`,
  };
}

/** The notice of one bureau-year, self-contained (style inline, nothing fetched, no script). */
export function renderNoticeHtml(doc: NoticeDocument, lang: Lang): string {
  const t = T[lang];
  const { notice } = doc;
  const bureau = notice.bureau.name ?? notice.name;
  const level = LEVEL_LABELS[notice.bureau.level][lang];
  const kind = notice.kind === 'not_filed' ? t.filingKind : t.kind;
  const { title, body } = notice.kind === 'not_filed' ? filingBody(doc, notice, lang) : rectifyBody(doc, notice, lang);
  const head = escapeHtml(t.running(kind, bureau, notice.year));
  const foot = footLines(doc, lang).map(escapeHtml).join('<br>');
  return `${pageHead(lang, `${doc.tool.name} ${doc.tool.version}`, `${kind} · ${bureau} · ${notice.year}`, STYLE)}
<body>
<table class="sheet" data-kind="${notice.kind}" data-bureau="${escapeHtml(bureau)}" data-year="${notice.year}" data-level="${escapeHtml(level)}"${notice.bureau.region_code ? ` data-region-code="${notice.bureau.region_code}"` : ''}>
<thead><tr><td class="running-head">${head}</td></tr></thead>
<tfoot><tr><td class="running-foot">${foot}</td></tr></tfoot>
<tbody><tr><td>
<h1>${escapeHtml(title)}</h1>
<p class="doc-number">${t.docNumber}${t.colon}<span class="blank" data-blank="document-number"></span></p>
<p class="addressee">${escapeHtml(bureau)}${t.colon}</p>
${body}
<section class="sign">
<div><p>${t.signer}${t.colon}<span class="blank short" data-blank="signature"></span></p><p>${t.dated}</p></div>
<div class="seal-box" data-blank="seal">${t.seal}</div>
</section>
</td></tr></tbody>
</table>
</body>
</html>
`;
}
