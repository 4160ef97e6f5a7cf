// Markdown as DOM nodes for the pages. The HTML comes from markdown-html.ts, where raw HTML is
// off and links are checked, so nothing a README or a report says can turn into script.
import { inlineMarkdownToHtml, markdownToHtml } from './markdown-html';

export function renderMarkdown(source: string): DocumentFragment {
  return parse(markdownToHtml(source));
}

/** Inline markup to nodes: `code`, **strong**, *em* / _em_, [text](url), \escapes. */
export function inline(text: string): Node[] {
  return Array.from(parse(inlineMarkdownToHtml(text)).childNodes);
}

function parse(html: string): DocumentFragment {
  // A <template>'s content is inert: nothing in it loads or runs until it is put in the page.
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}
