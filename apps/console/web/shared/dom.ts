type Attr = string | number | boolean | undefined | null | ((event: never) => void);
type Child = Node | string | number | null | undefined | false;

/** A small element builder: the console is a few forms, lists and a map, not worth a framework. */
export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: Child[]): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (name === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
};

export const append = (el: Element, ...children: Child[]): void => {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
};

export const clear = (el: Element, ...children: Child[]): void => {
  el.replaceChildren();
  append(el, ...children);
};

export const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E => {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`console: ${selector} missing`);
  return el;
};
