/**
 * Radicals that PDF writers map common ideographs back to in a text layer (Chromium's PDFs of Noto CJK text give ⼈
 * for 人, ⺠ for 民, ⻓ for 长): copied or extracted, the text then differs from the report's. A report never means the
 * radical itself. Kangxi radicals (U+2F00–U+2FD5) have NFKC forms; the CJK radicals supplement has none, so the
 * standalone ones are listed here with their ideograph (Unicode's EquivalentUnifiedIdeograph.txt).
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺟': '母', '⺠': '民', '⺩': '王', '⺼': '月', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车',
  '⻑': '長', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣',
  '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐',
  '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

export function ideographsForRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fd5]/g, (radical) => SUPPLEMENT[radical] ?? (radical >= '\u2f00' ? radical.normalize('NFKC') : radical));
}
