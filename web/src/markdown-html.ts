// Lab instructions, objectives and diagnostic texts as HTML, by markdown-it with raw HTML off:
// any HTML in a README is escaped and shows as text. No DOM here, so the rules are unit-tested
// in Node (markdown-html.spec.ts); markdown.ts turns the HTML into nodes.
import MarkdownIt from 'markdown-it';

/** Headings move down this many levels: the page's h1 is the lab title. */
const HEADING_SHIFT = 1;

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

// A README's images would come from other origins, which the page's CSP refuses anyway.
md.disable('image');

/** Only web links and links within the site; `javascript:`, `data:` and friends stay plain text. */
md.validateLink = (url: string): boolean => isExternal(url) || /^(#|\/(?!\/))\S*$/.test(url);

md.core.ruler.push('shift_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT)}`;
    }
  }
});

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (isExternal(String(token.attrGet('href') ?? ''))) {
    token.attrSet('rel', 'noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return self.renderToken(tokens, idx, options);
};

// Code blocks scroll sideways, so they take keyboard focus (tabindex) to be scrollable by keys.
md.renderer.rules.fence = (tokens, idx) => codeBlock(tokens[idx].content, tokens[idx].info.trim().split(/\s+/)[0]);
md.renderer.rules.code_block = (tokens, idx) => codeBlock(tokens[idx].content, '');

function codeBlock(content: string, language: string): string {
  const escape = md.utils.escapeHtml;
  const languageClass = language ? ` class="language-${escape(language)}"` : '';
  return `<pre class="md-code" tabindex="0"><code${languageClass}>${escape(content.replace(/\n$/, ''))}</code></pre>\n`;
}

function isExternal(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A whole document: headings, paragraphs, lists, quotes, code blocks, rules. */
export function markdownToHtml(source: string): string {
  return md.render(source);
}

/** One line of inline markup (`code`, **strong**, *em*, [links](…)) without a paragraph around it. */
export function inlineMarkdownToHtml(text: string): string {
  return md.renderInline(text);
}
