import { bi, type Bilingual, type Lang } from '../../core/i18n';
import type { Summary } from '../../findings/types';

/** The self-check page's words: its controls, and the verdict that says whether a submission can be filed. */
export const PAGE_WORDS = {
  heading: bi('法治建设指标自查', 'Rule-of-law targets: self-check'),
  choose: bi('选择报送文件(.yaml、.yml、.json 或填好的 .xlsx 模板)', 'Choose a submission (.yaml, .yml, .json or a filled .xlsx template)'),
  drop: bi('也可以把文件拖到本页。文件只在本机浏览器中检查,不会上传。', 'Or drop a file on the page. It is checked in this browser only and never sent anywhere.'),
  clear: bi('清空', 'Clear'),
  level: bi('单位层级', 'Level'),
  year: bi('年度', 'Year'),
  formHeading: bi('在线填报', 'Fill in'),
  formNote: bi('逐项填写;选择的文件,其数据也显示在这里,可直接修改。填写的内容保存在本机浏览器中,刷新页面不会丢失。', 'Fill in value by value; a file chosen above is shown here too, to correct. What is filled in is kept in this browser and survives a reload.'),
  downloadReport: bi('下载检查报告(网页)', 'Download the report (HTML)'),
  downloadYaml: bi('下载数据(YAML 文件)', 'Download the data (YAML)'),
  downloadXlsx: bi('下载数据(Excel 报送表)', 'Download the data (Excel workbook)'),
  waiting: bi('尚未选择文件,也未填写表单。填写任一项后即开始检查。', 'No file chosen and nothing filled in yet. Checking begins with the first value filled in.'),
  checking: bi('正在检查……', 'Checking…'),
  failed: bi('检查时页面出错,请把此文件和本页面报给省厅:', 'The page failed while checking; please send this file and the page to the province: '),
  notData: bi('只能检查 .yaml、.yml、.json 或 .xlsx 文件', 'Only .yaml, .yml, .json and .xlsx files can be checked'),
} as const;

/** What applies to the level and year chosen for the form: `县级单位 2024 年度适用 48 项指标`. */
export function scopeText(levelLabel: Bilingual, year: number, rules: number, lang: Lang): string {
  return lang === 'zh' ? `${levelLabel.zh}单位 ${year} 年度适用 ${rules} 项指标。` : `${rules} targets apply to a ${levelLabel.en} bureau in ${year}.`;
}

/**
 * Whether a submission can be filed, in words, from its exit status as `check` gives it (run/exit.ts): data that
 * cannot be read, or that leaves a target without data, is not ready; a target missed is a finding to explain, and
 * the data can be filed with it.
 */
export function verdictText(exitStatus: number, summary: Summary | undefined, lang: Lang): string {
  const words: Bilingual = (() => {
    switch (exitStatus) {
      case 0:
        return bi('可以报送:各项指标均已检查,没有未达标或缺少数据的指标。', 'Can be filed: every target was checked, none is missed and none lacks data.');
      case 1:
        return bi(`数据完整,可以报送;但有 ${summary?.fail ?? 0} 项指标未达标(见下方“未达标”条目),请在报送时说明原因和整改措施。`, `The data is complete and can be filed, but ${summary?.fail ?? 0} target(s) are missed (see the findings marked failed below): explain why, and what is being done.`);
      case 3:
        return bi(`暂不能报送:有 ${summary?.missing_data ?? 0} 项指标缺少数据,请补齐后再检查。`, `Not ready to file: ${summary?.missing_data ?? 0} target(s) lack data; fill them in and check again.`);
      default:
        return bi('不能报送:文件有误,无法检查。请按下列提示改正后再检查。', 'Cannot be filed: the file has mistakes and could not be checked. Correct them as shown below and check again.');
    }
  })();
  return words[lang];
}
