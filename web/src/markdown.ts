// A small Markdown renderer for lab instructions: headings, paragraphs, lists, block quotes, code
// blocks, rules, and inline code, emphasis and links. It builds DOM nodes and puts every piece of
// text in as a text node, so HTML in a README shows as text and can never run.
import { h } from './dom';

/** Headings move down this many levels: the page's h1 is the lab title. */
const HEADING_SHIFT = 1;

export function renderMarkdown(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = /^\s*(```+|~~~+)\s*([\w+-]*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i += 1; // the closing fence
      const code = h('code', fence[2] ? { class: `language-${fence[2]}` } : null, body.join('\n'));
      fragment.append(h('pre', { class: 'md-code', tabindex: 0 }, code));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + HEADING_SHIFT);
      const element = document.createElement(`h${level}`);
      element.append(...inline(heading[2]));
      fragment.append(element);
      i += 1;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      fragment.append(h('hr'));
      i += 1;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s*>\s?/, ''));
      const quote = h('blockquote');
      quote.append(renderMarkdown(quoted.join('\n')));
      fragment.append(quote);
      continue;
    }
    const item = listItem(line);
    if (item) {
      const list = h(item.ordered ? 'ol' : 'ul');
      while (i < lines.length) {
        const current = listItem(lines[i]);
        if (!current || current.ordered !== item.ordered) break;
        const text = [current.text];
        i += 1;
        // Indented lines continue the item (a wrapped sentence).
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !listItem(lines[i])) text.push(lines[i++].trim());
        list.append(h('li', null, ...inline(text.join(' '))));
      }
      fragment.append(list);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i])) paragraph.push(lines[i++].trim());
    fragment.append(h('p', null, ...inline(paragraph.join(' '))));
  }
  return fragment;
}

function listItem(line: string): { ordered: boolean; text: string } | null {
  const match = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/.exec(line);
  return match ? { ordered: match[2] !== undefined, text: match[3] } : null;
}

function startsBlock(line: string): boolean {
  return /^\s*(```|~~~|#{1,6}\s|>)/.test(line) || listItem(line) !== null;
}

/** Inline markup to nodes: `code`, **strong**, *em* / _em_, [text](url), \escapes. */
export function inline(text: string): Node[] {
  const nodes: Node[] = [];
  let plain = '';
  const flush = () => {
    if (plain) nodes.push(document.createTextNode(plain));
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest[0] === '\\' && rest.length > 1 && /[\\`*_[\]()#+\-.!>]/.test(rest[1])) {
      plain += rest[1];
      i += 2;
      continue;
    }
    const code = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
    if (code) {
      flush();
      nodes.push(h('code', null, code[2].trim() || code[2]));
      i += code[0].length;
      continue;
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) {
      flush();
      nodes.push(h('strong', null, ...inline(strong[2])));
      i += strong[0].length;
      continue;
    }
    const em = /^(\*|_)(?=\S)([\s\S]*?\S)\1(?![\w*])/.exec(rest);
    if (em && (em[1] === '*' || !/\w/.test(text[i - 1] ?? ''))) {
      flush();
      nodes.push(h('em', null, ...inline(em[2])));
      i += em[0].length;
      continue;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/.exec(rest);
    if (link) {
      flush();
      const href = safeHref(link[2]);
      nodes.push(
        href
          ? h('a', { href, ...(isExternal(href) ? { rel: 'noopener noreferrer', target: '_blank' } : {}) }, ...inline(link[1]))
          : h('span', null, ...inline(link[1])),
      );
      i += link[0].length;
      continue;
    }
    plain += rest[0];
    i += 1;
  }
  flush();
  return nodes;
}

/** Only web links and links within the page; `javascript:` and friends become plain text. */
function safeHref(href: string): string | null {
  if (/^https?:\/\//i.test(href)) return href;
  if (/^(#|\/(?!\/))[^\s]*$/.test(href)) return href;
  return null;
}

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}
