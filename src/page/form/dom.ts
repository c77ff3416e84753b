/// <reference lib="dom" />

/** Small helpers of the form's DOM: elements made with their attributes, and the ids everything is addressed by. */

/** The id of the element that holds the value at a path: stable, so that labels, tests and the page address it. */
export function controlId(name: string): string {
  return `pcf-${name}`;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  if (text !== undefined) made.textContent = text;
  return made;
}
