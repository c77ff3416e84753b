import { bi, type Bilingual } from '../core/i18n';
import { bundledPackFile } from '../core/paths';
import { citedSource, packSources } from './sources';
import type { PackDefinition, RestatedCitation, Rule, RulePack } from './types';

/**
 * A rule that restates a rule of another pack (the Hunan plan's 征求意见期限一般不少于30日 restates 《重大行政决策程序
 * 暂行条例》第十五条) links to it by pack id and rule id. The link is resolved from the bundled pack of that id when
 * the restating pack is loaded, so its findings show both citations whether or not the other pack is in the run, and
 * a link to a rule that is not there is refused with its place. Only bundled packs can be linked to: a link must
 * name the same text wherever the pack is used.
 */
export type PackLoader = (file: string) => RulePack;

const resolved = new Map<string, RulePack>();
const loading = new Set<string>();

function linkedPack(id: string, load: PackLoader): RulePack | Bilingual {
  const file = bundledPackFile(id);
  if (!file) return bi(`restates 指向的规则包 ${id} 不是随附的规则包`, `restates names the pack ${id}, which is not a bundled pack`);
  const known = resolved.get(id);
  if (known) return known;
  if (loading.has(id)) return bi(`restates 的链接成环:规则包 ${id} 又链接回来`, `restates links in a loop: the pack ${id} links back`);
  loading.add(id);
  try {
    const pack = load(file);
    resolved.set(id, pack);
    return pack;
  } catch {
    return bi(`restates 指向的规则包 ${id} 无法读取`, `restates names the pack ${id}, which cannot be read`);
  } finally {
    loading.delete(id);
  }
}

function citationOf(pack: RulePack, rule: Rule): RestatedCitation {
  const source = citedSource(packSources(pack), rule);
  return {
    pack: pack.id,
    rule: rule.id,
    document: `《${source?.title ?? pack.title.zh}》`,
    document_number: source?.document_number ?? '',
    clause: rule.citation.clause,
    quote: rule.citation.quote,
  };
}

function restated(definition: PackDefinition, rule: Rule, load: PackLoader): RestatedCitation | Bilingual {
  const link = rule.restates;
  if (!link) return bi('', '');
  if (link.pack === definition.id) return bi(`规则 ${rule.id} 的 restates 指向本规则包自身`, `Rule ${rule.id}: restates names its own pack`);
  const pack = linkedPack(link.pack, load);
  if (!('rules' in pack)) return pack;
  const target = pack.rules.find((r) => r.id === link.rule);
  if (!target) return bi(`规则 ${rule.id} 的 restates 指向的规则 ${link.rule} 不在规则包 ${link.pack} 中`, `Rule ${rule.id}: restates names ${link.rule}, which is not a rule of ${link.pack}`);
  return citationOf(pack, target);
}

/** The links that do not resolve: each with the index of its rule. */
export function restatementProblems(definition: PackDefinition, load: PackLoader): { index: number; message: Bilingual }[] {
  return definition.rules.flatMap((rule, index) => {
    if (!rule.restates) return [];
    const result = restated(definition, rule, load);
    return 'zh' in result ? [{ index, message: result }] : [];
  });
}

/** The pack with each link's citation beside it (`restated`), for the findings. */
export function resolveRestatements(pack: RulePack, load: PackLoader): RulePack {
  if (!pack.rules.some((rule) => rule.restates)) return pack;
  const rules = pack.rules.map((rule) => {
    if (!rule.restates) return rule;
    const result = restated(pack, rule, load);
    return 'zh' in result ? rule : { ...rule, restated: result };
  });
  return { ...pack, rules };
}
