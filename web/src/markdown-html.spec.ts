import { inlineMarkdownToHtml, markdownToHtml } from './markdown-html';

describe('markdownToHtml', () => {
  it('renders what lab READMEs use, headings one level down', () => {
    const html = markdownToHtml(
      [
        '## Your task',
        '',
        'Make `tests/test_cache.py` pass, **now**.',
        '',
        '- one',
        '- two',
        '',
        '```python',
        'await x()',
        '```',
        '',
        '1. first',
      ].join('\n'),
    );
    expect(html).toContain('<h3>Your task</h3>');
    expect(html).toContain('<code>tests/test_cache.py</code>');
    expect(html).toContain('<strong>now</strong>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<pre class="md-code" tabindex="0"><code class="language-python">await x()</code></pre>');
    expect(html).toContain('<ol>\n<li>first</li>\n</ol>');
    expect(markdownToHtml('###### Deep')).toContain('<h6>Deep</h6>');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes HTML inside code blocks and their language name', () => {
    const html = markdownToHtml('```"><b>\n</code><i>x</i>\n```');
    expect(html).not.toMatch(/<b>|<i>|"><b/);
    expect(html).toContain('&lt;/code&gt;&lt;i&gt;x&lt;/i&gt;');
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JavaScript:alert(1))',
    '[click](jav&#x61;script:alert(1))',
    '[click](data:text/html,<b>x</b>)',
    '[click](vbscript:msgbox)',
    '[click](//other.example/x)',
    '<javascript:alert(1)>',
  ])('refuses the link %s', (source) => {
    const html = markdownToHtml(source);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('href');
  });

  it('keeps web links, opening other sites in a new tab, and links within the site', () => {
    expect(markdownToHtml('[docs](https://docs.python.org/3/library/asyncio.html)')).toContain(
      '<a href="https://docs.python.org/3/library/asyncio.html" rel="noopener noreferrer" target="_blank">docs</a>',
    );
    expect(markdownToHtml('[lab](/labs/news-cache-lock) and [top](#task)')).toContain(
      '<a href="/labs/news-cache-lock">lab</a> and <a href="#task">top</a>',
    );
  });

  it('does not load images', () => {
    expect(markdownToHtml('![x](https://other.example/a.png)')).not.toContain('<img');
  });
});

describe('inlineMarkdownToHtml', () => {
  it('renders inline markup without a paragraph and escapes HTML', () => {
    expect(inlineMarkdownToHtml('`fetch()` was *never* awaited <coroutine object fetch at 0x7f>')).toBe(
      '<code>fetch()</code> was <em>never</em> awaited &lt;coroutine object fetch at 0x7f&gt;',
    );
    expect(inlineMarkdownToHtml('[x](javascript:alert(1))')).not.toContain('<a');
  });
});
