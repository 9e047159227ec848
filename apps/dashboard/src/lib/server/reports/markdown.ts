import MarkdownIt from 'markdown-it';

// Absolute http(s) and mailto links only: no javascript:, vbscript:, data:, file:, and no
// relative links (a report is read out of context, e.g. as a PDF).
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function createRenderer(): MarkdownIt {
  // html: false escapes raw HTML instead of passing it through; linkify turns bare URLs into links.
  const md = new MarkdownIt({ html: false, linkify: true });
  // markdown-it's own validateLink already refuses javascript:, vbscript:, file: and most data:;
  // this narrows it to an allow-list. The URL arrives normalised (entities decoded, percent-encoded).
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  // Images would fetch from anywhere (tracking pixels) and do not belong in a printed report.
  md.disable('image');
  const defaultLinkOpen =
    md.renderer.rules.link_open ??
    ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    // A link opened from the report must not get a handle on the portal's window, nor its URL.
    tokens[index]?.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, index, options, env, self);
  };
  return md;
}

const renderer = createRenderer();

/**
 * Renders a report narrative or comment written in Markdown to HTML that is safe to put in a
 * page with `{@html}`: raw HTML is escaped, only http(s) and mailto links become links (with
 * `rel="noopener noreferrer"`), images are not rendered. This is the only way Markdown from
 * users may reach a page.
 *
 * @example
 * ```ts
 * renderMarkdown('**Booked by 10 weeks** rose; see <https://example.nhs.uk>');
 * // => '<p><strong>Booked by 10 weeks</strong> rose; see <a href="https://example.nhs.uk" rel="noopener noreferrer">https://example.nhs.uk</a></p>\n'
 * renderMarkdown('<script>alert(1)</script>'); // => '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n'
 * ```
 */
export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}
