// A few DOM helpers: every text goes in as text (never as HTML), so nothing from the data runs.

type Child = Node | string | null | undefined | false;

/** An element with attributes and children: h("p", { class: "muted" }, "text", child). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/** A button that runs `onClick`. */
export function button(
  label: string,
  onClick: () => void,
  attributes: Record<string, string | undefined> = {},
): HTMLButtonElement {
  const element = h("button", { type: "button", ...attributes }, label);
  element.addEventListener("click", onClick);
  return element;
}
