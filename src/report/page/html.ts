import type { Lang } from '../../core/i18n';
import { escapeHtml, pageHead, STYLE } from '../kit/html';
import { PAGE_DATA_ID, type PageDocument } from '../../run/page-data';
import { PAGE_WORDS } from './words';

/** The page's own styles, beside the check report's (its findings are drawn by the report's renderer). */
const PAGE_STYLE = `
#load { border: 2px dashed #888; padding: 1em; margin: 1em 0; border-radius: 6px; }
#load.dragging { border-color: #1565c0; background: #e3f2fd; }
#verdict { font-size: 1.15em; font-weight: bold; padding: .6em; border-left: 6px solid #888; background: #f5f5f5; }
#verdict[data-exit="0"] { border-color: #2e7d32; } #verdict[data-exit="1"] { border-color: #ef6c00; }
#verdict[data-exit="2"], #verdict[data-exit="3"] { border-color: #c62828; }
#downloads { margin: .8em 0 1.6em; }
#downloads button, #load button { margin-right: .6em; }
#fill > h2 { margin-top: 0; }
#scope { margin: .4em 0 1em; }
/* On a wide screen the findings stand beside the form, in view while it is filled in. */
@media (min-width: 1280px) {
  body { max-width: 1800px; }
  #work { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; align-items: start; }
  #results { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-right: 4px; }
}
`;

/** Embedded JSON may not end the script element that holds it: every `<` is written as its escape. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The self-check page: one file, styles, data and script inline, nothing fetched. `script` is the bundle of
 * src/page/app.ts (dist/page/app.js), which draws everything the user does into the elements below.
 */
export function renderPage({ data, script }: PageDocument, lang: Lang): string {
  const w = (key: keyof typeof PAGE_WORDS): string => escapeHtml(PAGE_WORDS[key][lang]);
  const title = data.packs.map((pack) => pack.title[lang]).join(' · ');
  return `${pageHead(lang, `${data.tool.name} ${data.tool.version}`, PAGE_WORDS.heading[lang], `${STYLE}${PAGE_STYLE}`)}
<body>
<header><h1>${w('heading')}</h1><p class="sub">${escapeHtml(title)}</p></header>
<section id="load">
<label for="file">${w('choose')}</label>
<input type="file" id="file" accept=".yaml,.yml,.json,.xlsx">
<button type="button" id="clear">${w('clear')}</button>
<p class="sub">${w('drop')}</p>
</section>
<div id="work">
<section id="fill">
<h2>${w('formHeading')}</h2>
<p class="sub">${w('formNote')}</p>
<p id="scope"><label>${w('level')} <select id="level"></select></label> <label>${w('year')} <select id="year"></select></label> <span id="scope-note"></span></p>
<div id="form"></div>
</section>
<section id="results">
<p id="verdict" role="status">${w('waiting')}</p>
<nav id="downloads" hidden><button type="button" id="download-report">${w('downloadReport')}</button><button type="button" id="download-yaml">${w('downloadYaml')}</button><button type="button" id="download-xlsx">${w('downloadXlsx')}</button></nav>
<div id="report"></div>
</section>
</div>
<script type="application/json" id="${PAGE_DATA_ID}">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
