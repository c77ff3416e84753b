import { PAGE_DATA_ID, type PageData } from '../../run/page-data';

let data: PageData | undefined;

/** The data `plancheck page` embedded in the page, parsed once. */
export function pageData(): PageData {
  if (data) return data;
  const element = document.getElementById(PAGE_DATA_ID);
  if (!element?.textContent) throw new Error(`plancheck: the page has no #${PAGE_DATA_ID}`);
  data = JSON.parse(element.textContent) as PageData;
  return data;
}
