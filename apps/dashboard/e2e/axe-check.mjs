// axe-core's WCAG 2.1 A and AA rules, run inside a page (the static site's and the portal's
// browser tests both require none to fail).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Throws, listing each rule and up to five elements, when the page breaks a WCAG 2.1 A/AA rule. */
export async function expectNoAxeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(
    async (tags) =>
      (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => ({
        id: v.id,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      })),
    wcagTags,
  );
  if (violations.length > 0)
    throw new Error(
      `axe found ${violations.length} WCAG 2.1 A/AA violations:\n${violations
        .map((v) => `${v.id}: ${v.help} (${v.targets.join('; ')})`)
        .join('\n')}`,
    );
}
