import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

// Tags the renderer may produce from Markdown (CommonMark + GFM tables/strikethrough), and the
// attributes they may carry. Anything else in the output means raw HTML got through.
const SAFE_TAGS = new Set([
  'p',
  'a',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const SAFE_ATTRIBUTES = new Set(['href', 'rel', 'title', 'start', 'class', 'style']);
const SAFE_HREF = /^(https?:\/\/|mailto:)/;

/** Every element and attribute in rendered HTML, read with a tokenizer-level pattern. */
function elementsOf(html: string): { tag: string; attributes: [string, string][] }[] {
  const elements: { tag: string; attributes: [string, string][] }[] = [];
  for (const match of html.matchAll(/<\s*([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const attributes: [string, string][] = [];
    for (const attribute of (match[2] ?? '').matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g))
      attributes.push([(attribute[1] ?? '').toLowerCase(), (attribute[2] ?? '').replace(/^["']|["']$/g, '')]);
    elements.push({ tag: (match[1] ?? '').toLowerCase(), attributes });
  }
  return elements;
}

function expectHarmless(html: string) {
  for (const element of elementsOf(html)) {
    expect(SAFE_TAGS, `element <${element.tag}> in ${html}`).toContain(element.tag);
    for (const [name, value] of element.attributes) {
      expect(SAFE_ATTRIBUTES, `attribute ${name} in ${html}`).toContain(name);
      if (name === 'href') expect(value, `href in ${html}`).toMatch(SAFE_HREF);
      if (name === 'style') expect(value).toMatch(/^text-align:(left|right|center)$/);
    }
  }
  // No scheme that runs code survives anywhere as markup (it may remain as escaped text).
  expect(html).not.toMatch(/<[^>]*(javascript|vbscript|data):/i);
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
}

const ATTACKS: [string, string][] = [
  ['script element', '<script>alert(1)</script>'],
  ['script split over lines', '<scr\nipt>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['javascript: link', '[x](javascript:alert(1))'],
  ['mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))'],
  ['entity-encoded javascript: link', '[x](&#106;avascript:alert(1))'],
  ['hex-entity javascript: link', '[x](&#x6A;avascript&#x3A;alert(1))'],
  ['tab inside javascript:', '[x](java\tscript:alert(1))'],
  ['percent-encoded scheme', '[x](javascript%3Aalert(1))'],
  ['link with spaces before the scheme', '[x](  javascript:alert(1))'],
  ['angle-bracket javascript: link', '[x](<javascript:alert(1)>)'],
  ['javascript: autolink', '<javascript:alert(1)>'],
  ['vbscript: link', '[x](vbscript:msgbox(1))'],
  ['data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data: image', '![x](data:image/svg+xml,<svg onload=alert(1)>)'],
  ['remote image (tracking pixel)', '![x](https://evil.example/pixel.png)'],
  ['file: link', '[x](file:///etc/passwd)'],
  ['reference-style javascript: link', '[x][evil]\n\n[evil]: javascript:alert(1)'],
  ['reference-style data: link', '[x][d]\n\n[d]: data:text/html,<script>alert(1)</script>'],
  ['link title breaking out', '[x](https://nhs.uk "a\\" onmouseover=\\"alert(1))'],
  ['HTML entity for <', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['numeric entities for <script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
  ['HTML comment', '<!-- <script>alert(1)</script> -->'],
  ['style element', '<style>body{display:none}</style>'],
  ['form and input', '<form action="https://evil.example"><input name=x></form>'],
  ['inline HTML in a list', '- <b onclick=alert(1)>bold</b>'],
  ['markdown inside HTML attribute', '<a href="javascript:alert(1)">x</a>'],
  ['object/embed', '<object data="x.swf"></object><embed src="x.swf">'],
  ['base tag', '<base href="https://evil.example/">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['linkified javascript text', 'javascript:alert(1)'],
  ['fenced code with HTML', '```html\n<script>alert(1)</script>\n```'],
];

describe('renderMarkdown', () => {
  it.each(ATTACKS)('%s yields no executable element or attribute', (_name, markdown) => {
    expectHarmless(renderMarkdown(markdown));
  });

  it('escapes raw HTML as text instead of dropping it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n');
  });

  it('keeps http(s) and mailto links, with rel="noopener noreferrer"', () => {
    expect(renderMarkdown('[MBRRACE](https://www.npeu.ox.ac.uk/mbrrace-uk)')).toBe(
      '<p><a href="https://www.npeu.ox.ac.uk/mbrrace-uk" rel="noopener noreferrer">MBRRACE</a></p>\n',
    );
    expect(renderMarkdown('<mailto:qi@example.nhs.uk>')).toContain(
      '<a href="mailto:qi@example.nhs.uk" rel="noopener noreferrer">',
    );
    // linkify: bare addresses become links too, and get the same rel.
    expect(renderMarkdown('See www.england.nhs.uk for MDC.')).toContain(
      '<a href="http://www.england.nhs.uk" rel="noopener noreferrer">www.england.nhs.uk</a>',
    );
    expect(renderMarkdown('[ref][nhs]\n\n[nhs]: https://www.nhs.uk')).toContain(
      '<a href="https://www.nhs.uk" rel="noopener noreferrer">ref</a>',
    );
  });

  it('refuses relative and other-scheme links, leaving their text', () => {
    expect(renderMarkdown('[x](/portal/admin)')).toBe('<p>[x](/portal/admin)</p>\n');
    expect(renderMarkdown('[x](ftp://example.org/file)')).toBe('<p>[x](ftp://example.org/file)</p>\n');
  });

  it('renders the Markdown a narrative needs', () => {
    const html = renderMarkdown(
      '## What we tested\n\n- **PDSA 3**: _text reminders_\n- 2 practices\n\n1. one\n2. two',
    );
    expect(html).toContain('<h2>What we tested</h2>');
    expect(html).toContain('<li><strong>PDSA 3</strong>: <em>text reminders</em></li>');
    expect(html).toContain('<ol>');
  });
});
