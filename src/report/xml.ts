/**
 * A small XML writer whose escaping is proved by property tests (test/report/xml.test.ts): any
 * JavaScript string becomes well-formed XML 1.0 that parses back to the same text, except the
 * characters XML 1.0 cannot carry at all (C0 controls, lone surrogates, U+FFFE/U+FFFF), which are
 * written as a visible `\uXXXX` so nothing is lost silently.
 */

// Characters outside the XML 1.0 `Char` production, plus unpaired surrogates.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function escapeText(text: string): string {
  // `>` is escaped too, so `]]>` can never appear in character data.
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(text: string): string {
  // Tabs and line breaks are character references so attribute normalisation keeps them.
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

export type XmlAttrs = Record<string, string | number | undefined>;

export interface XmlElement {
  name: string;
  attrs?: XmlAttrs;
  children?: XmlElement[];
  text?: string;
}

export function el(name: string, attrs: XmlAttrs = {}, children: XmlElement[] = [], text?: string): XmlElement {
  return { name, attrs, children, text };
}

function renderAttrs(attrs: XmlAttrs = {}): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) out += ` ${key}="${escapeAttr(String(value))}"`;
  }
  return out;
}

function renderElement(node: XmlElement, indent: string, out: string[]): void {
  const open = `${indent}<${node.name}${renderAttrs(node.attrs)}`;
  const children = node.children ?? [];
  if (children.length === 0 && node.text === undefined) {
    out.push(`${open}/>`);
  } else if (children.length === 0) {
    out.push(`${open}>${escapeText(node.text ?? '')}</${node.name}>`);
  } else {
    out.push(`${open}>`);
    for (const child of children) renderElement(child, indent + '  ', out);
    out.push(`${indent}</${node.name}>`);
  }
}

export function renderXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  renderElement(root, '', out);
  return out.join('\n') + '\n';
}

/** One element as `renderXml` writes it at `indent` inside a document, without a trailing line break. */
export function renderXmlFragment(node: XmlElement, indent: string): string {
  const out: string[] = [];
  renderElement(node, indent, out);
  return out.join('\n');
}
