import type { AnyNode, Element } from 'domhandler';
import { cleanParagraph, cleanParagraphs } from './paragraphs';
import { noArticle } from './refusal';
import { byteOrderMark, decodeStrictly, detectText, type TextEncoding } from './text-decoding';

type Htmlparser2 = typeof import('htmlparser2');
type Domhandler = typeof import('domhandler');

/**
 * A report published as a government web page: the article's paragraphs, without the site around it (navigation,
 * header and footer, breadcrumbs, share links, scripts and forms). The article is the common CMS container where the
 * page has one with most of the text (TRS 的 .TRS_Editor, #zoom, .article…), else the element whose own paragraphs
 * hold the most text. A page title in an <h1> before the article is its first paragraph, as the .txt copy has it.
 * htmlparser2 is loaded only when a page is read.
 */

/** Elements that are never the article's text. */
const DROPPED_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select',
  'input', 'textarea', 'iframe', 'object', 'embed', 'svg', 'canvas', 'audio', 'video', 'map', 'dialog',
]);

/** Words in a class or id that mark the site's furniture (导航、面包屑、分享、页脚…), as CMS templates name them. */
const FURNITURE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'bread', 'share', 'bdshare',
  'jiathis', 'fenxiang', 'footer', 'foot', 'header', 'topbar', 'sidebar', 'toolbar', 'position', 'location', 'dqwz',
  'copyright', 'logo', 'banner', 'print', 'search', 'login', 'skip', 'tools',
]);

/** Short blocks that open with these words are breadcrumbs, share bars, print links and the article's date line, whatever they are called. */
const FURNITURE_TEXT = /^(当前位置|您现在的位置|您的位置|你的位置|首页\s*[>>›»]|分享到|【打印】|打印本页|关闭窗口|【关闭】|发布时间|发布日期|信息来源|来源[::]|浏览次数|字号[::])/;

/** Containers of the article in the CMSs government sites run on (TRS WCM, 拓尔思, 大汉, 政府网站集约化平台). */
const ARTICLE_CONTAINERS = [
  (e: Element) => classes(e).includes('trs_editor'),
  (e: Element) => ['zoom', 'ucap-content', 'content', 'article', 'article-content', 'articlecontent', 'zwnr', 'xxgk_content'].includes((e.attribs.id ?? '').toLowerCase()),
  (e: Element) => classes(e).some((c) => ['article', 'article-content', 'articlecontent', 'content', 'pages_content', 'zw', 'zwnr', 'view', 'main-content', 'detail'].includes(c)),
  (e: Element) => e.name === 'article' || e.name === 'main',
];

/** Elements that end a line of text, as a browser lays them out: each is its own paragraph. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'pre', 'center', 'address', 'figure',
  'figcaption', 'hr', 'br', 'body', 'html',
]);

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dd', 'pre', 'blockquote']);

function classes(element: Element): string[] {
  return (element.attribs.class ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function isFurniture(element: Element, dom: Domhandler): boolean {
  if (DROPPED_TAGS.has(element.name)) return true;
  if ('hidden' in element.attribs || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.attribs.style ?? '')) return true;
  const words = [...classes(element), (element.attribs.id ?? '').toLowerCase()].flatMap((name) => name.split(/[-_\s]+/));
  if (words.some((word) => FURNITURE_WORDS.has(word))) return true;
  if (element.attribs.role === 'navigation' || element.attribs.role === 'banner' || element.attribs.role === 'contentinfo') return true;
  const text = cleanParagraph(textOf(element, dom));
  return text.length < 200 && FURNITURE_TEXT.test(text);
}

function textOf(node: AnyNode, dom: Domhandler): string {
  if (dom.isText(node)) return node.data;
  if (dom.isTag(node) && !DROPPED_TAGS.has(node.name)) return node.children.map((child) => textOf(child, dom)).join('');
  return '';
}

/** The page with its furniture taken out, in place. */
function dropFurniture(node: AnyNode, dom: Domhandler): void {
  if (!dom.hasChildren(node)) return;
  node.children = node.children.filter((child) => !(dom.isTag(child) && isFurniture(child, dom)) && !dom.isComment(child) && !dom.isDirective(child));
  for (const child of node.children) dropFurniture(child, dom);
}

function elementsOf(node: AnyNode, dom: Domhandler, into: Element[] = []): Element[] {
  if (dom.isTag(node)) into.push(node);
  if (dom.hasChildren(node)) for (const child of node.children) elementsOf(child, dom, into);
  return into;
}

/** The text an element holds in paragraphs of its own (its <p>, <li>… children, and its loose text). */
function ownParagraphText(element: Element, dom: Domhandler): number {
  let length = 0;
  for (const child of element.children) {
    if (dom.isText(child)) length += cleanParagraph(child.data).length;
    else if (dom.isTag(child) && (PARAGRAPH_TAGS.has(child.name) || !BLOCK_TAGS.has(child.name))) length += cleanParagraph(textOf(child, dom)).length;
    else if (dom.isTag(child) && child.name === 'div' && !child.children.some((c) => dom.isTag(c) && BLOCK_TAGS.has(c.name))) length += cleanParagraph(textOf(child, dom)).length;
  }
  return length;
}

function articleOf(body: AnyNode, dom: Domhandler): Element | undefined {
  const elements = elementsOf(body, dom);
  const scored = elements.map((element) => ({ element, score: ownParagraphText(element, dom) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a), { element: undefined as Element | undefined, score: 0 });
  if (!best.element) return undefined;
  // A CMS container is taken where it holds the best paragraphs: it also holds the article's own headings and lists.
  for (const isContainer of ARTICLE_CONTAINERS) {
    const container = elements.find((e) => isContainer(e) && contains(e, best.element as Element));
    if (container) return container;
  }
  return best.element;
}

function contains(ancestor: Element, node: AnyNode): boolean {
  for (let at: AnyNode | null = node; at; at = at.parent) if (at === ancestor) return true;
  return false;
}

/** The lines a browser would show for a node: a block element or <br> ends one, inline elements run on. */
function linesOf(node: AnyNode, dom: Domhandler, lines: string[]): void {
  if (dom.isText(node)) {
    lines[lines.length - 1] += node.data;
    return;
  }
  if (!dom.isTag(node)) return;
  const block = BLOCK_TAGS.has(node.name);
  if (block) lines.push('');
  for (const child of node.children) linesOf(child, dom, lines);
  if (block) lines.push('');
}

/** The first <h1> before the article and outside it: the report's title, which pages set above the text. */
function titleBefore(article: Element, body: AnyNode, dom: Domhandler): string | undefined {
  for (const element of elementsOf(body, dom)) {
    if (element === article) return undefined;
    if (element.name === 'h1' && !contains(article, element)) {
      const title = cleanParagraph(textOf(element, dom));
      if (title !== '') return title;
    }
  }
  return undefined;
}

/** The page's charset: its BOM, else the <meta> charset among its first bytes (the HTML standard's prescan), else sniffed. */
export function decodePage(bytes: Buffer): string {
  const mark = byteOrderMark(bytes);
  if (mark) return decodeStrictly(bytes.subarray(mark.length), mark.encoding) ?? new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length));
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const encoding: TextEncoding | undefined = declared === undefined ? undefined : /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(declared) ? 'gb18030' : /^utf-?8$/.test(declared) ? 'utf-8' : undefined;
  const strictly = encoding ? decodeStrictly(bytes, encoding) : undefined;
  if (strictly !== undefined) return strictly;
  // Declared wrongly (a GBK page that says UTF-8 happens), or in another charset: what the bytes are, else as declared.
  const sniffed = detectText(bytes);
  if (sniffed) return sniffed.text;
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function readHtmlParagraphs(file: string, bytes: Buffer): string[] {
  const { parseDocument } = require('htmlparser2') as Htmlparser2;
  const dom = require('domhandler') as Domhandler;
  const document = parseDocument(decodePage(bytes), { decodeEntities: true });
  dropFurniture(document, dom);
  const article = articleOf(document, dom);
  if (!article) throw noArticle(file);
  const lines = [''];
  linesOf(article, dom, lines);
  const title = titleBefore(article, document, dom);
  const paragraphs = cleanParagraphs(title !== undefined ? [title, ...lines] : lines);
  if (paragraphs.length === 0) throw noArticle(file);
  return paragraphs;
}
