/**
 * A minimal, deterministic DOM — just enough of `Document` for Observable Plot and
 * d3-selection to build an SVG in Node — so chart tests can snapshot the SVG each
 * chart draws without a browser or jsdom. Plot takes the document as an option.
 * Serialises to markup with attributes in insertion order. Test-only.
 */

const xhtml = 'http://www.w3.org/1999/xhtml';
const voidElements = new Set(['br', 'hr', 'img', 'input', 'meta', 'link']);

class FakeNode {
  parentNode: FakeElement | null = null;
  constructor(readonly ownerDocument: FakeDocument) {}

  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }

  get previousSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    return siblings[siblings.indexOf(this) - 1] ?? null;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  get textContent(): string {
    return '';
  }
}

class FakeText extends FakeNode {
  readonly nodeType = 3;
  constructor(
    ownerDocument: FakeDocument,
    public data: string,
  ) {
    super(ownerDocument);
  }

  override get textContent(): string {
    return this.data;
  }

  serialise(): string {
    return escapeText(this.data);
  }
}

class FakeStyle {
  private readonly properties = new Map<string, string>();

  constructor() {
    // Plot and d3 also assign properties directly, e.g. `figure.style.maxWidth = …`.
    // biome-ignore lint/correctness/noConstructorReturn: a proxy is how direct assignment is caught
    return new Proxy(this, {
      set: (target, key, value) => {
        if (typeof key === 'string')
          target.setProperty(
            key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
            value,
          );
        return true;
      },
    });
  }

  setProperty(name: string, value: unknown): void {
    if (value == null || value === '') this.properties.delete(name);
    else this.properties.set(name, String(value));
  }

  removeProperty(name: string): void {
    this.properties.delete(name);
  }

  getPropertyValue(name: string): string {
    return this.properties.get(name) ?? '';
  }

  get cssText(): string {
    return [...this.properties].map(([name, value]) => `${name}: ${value};`).join(' ');
  }
}

class FakeElement extends FakeNode {
  readonly nodeType = 1;
  readonly childNodes: FakeNode[] = [];
  private readonly attributes = new Map<string, string>();
  readonly style = new FakeStyle();
  [key: string]: unknown;

  constructor(
    ownerDocument: FakeDocument,
    readonly namespaceURI: string,
    readonly localName: string,
  ) {
    super(ownerDocument);
  }

  get tagName(): string {
    return this.namespaceURI === xhtml ? this.localName.toUpperCase() : this.localName;
  }

  get nodeName(): string {
    return this.tagName;
  }

  get children(): FakeElement[] {
    return this.childNodes.filter((node): node is FakeElement => node instanceof FakeElement);
  }

  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): FakeNode | null {
    return this.childNodes.at(-1) ?? null;
  }

  get firstElementChild(): FakeElement | null {
    return this.children[0] ?? null;
  }

  get className(): string {
    return this.getAttribute('class') ?? '';
  }

  set className(value: string) {
    this.setAttribute('class', value);
  }

  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }

  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }

  getAttributeNames(): string[] {
    return [...this.attributes.keys()];
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  removeAttributeNS(_namespace: string | null, name: string): void {
    this.removeAttribute(name);
  }

  appendChild<T extends FakeNode>(node: T): T {
    return this.insertBefore(node, null);
  }

  insertBefore<T extends FakeNode>(node: T, reference: FakeNode | null): T {
    node.parentNode?.removeChild(node);
    const index = reference ? this.childNodes.indexOf(reference) : -1;
    if (index < 0) this.childNodes.push(node);
    else this.childNodes.splice(index, 0, node);
    node.parentNode = this;
    return node;
  }

  removeChild<T extends FakeNode>(node: T): T {
    const index = this.childNodes.indexOf(node);
    if (index >= 0) this.childNodes.splice(index, 1);
    node.parentNode = null;
    return node;
  }

  append(...nodes: (FakeNode | string)[]): void {
    for (const node of nodes) {
      this.appendChild(typeof node === 'string' ? this.ownerDocument.createTextNode(node) : node);
    }
  }

  override get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join('');
  }

  set textContent(value: string) {
    for (const node of [...this.childNodes]) this.removeChild(node);
    if (value !== '' && value != null) this.appendChild(this.ownerDocument.createTextNode(String(value)));
  }

  addEventListener(): void {}
  removeEventListener(): void {}
  dispatchEvent(): boolean {
    return true;
  }

  matches(selector: string): boolean {
    return selector.split(',').some((part) => matchesCompound(this, part.trim()));
  }

  querySelectorAll(selector: string): FakeElement[] {
    const found: FakeElement[] = [];
    const visit = (element: FakeElement) => {
      for (const child of element.children) {
        if (child.matches(selector)) found.push(child);
        visit(child);
      }
    };
    visit(this);
    return found;
  }

  querySelector(selector: string): FakeElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  cloneNode(deep = false): FakeElement {
    const copy = new FakeElement(this.ownerDocument, this.namespaceURI, this.localName);
    for (const [name, value] of this.attributes) copy.setAttribute(name, value);
    if (deep) {
      for (const child of this.childNodes) {
        copy.appendChild(
          child instanceof FakeElement
            ? child.cloneNode(true)
            : this.ownerDocument.createTextNode((child as FakeText).data),
        );
      }
    }
    return copy;
  }

  get outerHTML(): string {
    const style = this.style.cssText;
    const attributes = [...this.attributes]
      .concat(style ? [['style', style]] : [])
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('');
    const inner = this.childNodes.map((node) => (node as FakeElement | FakeText).serialise()).join('');
    if (!inner && voidElements.has(this.localName)) return `<${this.localName}${attributes}>`;
    return `<${this.localName}${attributes}>${inner}</${this.localName}>`;
  }

  serialise(): string {
    return this.outerHTML;
  }
}

/** Supports `tag`, `.class`, `[attr]`, `[attr=value]` and combinations such as `g.tick[aria-label=x]`. */
function matchesCompound(element: FakeElement, selector: string): boolean {
  const pattern = /([a-zA-Z][\w-]*)|\.([\w-]+)|\[([\w-]+)(?:=["']?([^"'\]]*)["']?)?\]|(\*)/g;
  let matched = '';
  for (const match of selector.matchAll(pattern)) {
    matched += match[0];
    const [, tag, className, attribute, value] = match;
    if (tag && element.localName !== tag) return false;
    if (className && !element.className.split(/\s+/).includes(className)) return false;
    if (
      attribute &&
      (value === undefined ? !element.hasAttribute(attribute) : element.getAttribute(attribute) !== value)
    ) {
      return false;
    }
  }
  if (matched !== selector) throw new Error(`svg-document: unsupported selector "${selector}"`);
  return true;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

class FakeEvent {
  constructor(
    readonly type: string,
    readonly init?: unknown,
  ) {}
}

/** The document itself: what Plot's `document` option receives. */
export class FakeDocument {
  readonly documentElement: FakeElement;
  readonly defaultView = { Event: FakeEvent };

  constructor() {
    this.documentElement = new FakeElement(this, xhtml, 'html');
  }

  createElementNS(namespace: string, name: string): FakeElement {
    return new FakeElement(this, namespace, name);
  }

  createElement(name: string): FakeElement {
    return new FakeElement(this, xhtml, name.toLowerCase());
  }

  createTextNode(data: string): FakeText {
    return new FakeText(this, data);
  }

  querySelector(): null {
    return null;
  }
}

/** A fresh fake document typed as a real one, for Plot's `document` option. */
export function svgDocument(): Document {
  return new FakeDocument() as unknown as Document;
}

/** Serialises a node drawn in a fake document, one element per line for readable snapshot diffs. */
export function serialiseSvg(node: Element): string {
  return (node as unknown as FakeElement).outerHTML.replace(/></g, '>\n<');
}
