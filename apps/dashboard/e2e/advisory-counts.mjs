// NHS Digital's disclosure rule for what the advisory group may see, as a check on the files
// published for it: shared by the public build's e2e (run.mjs) and the portal's permission
// matrix (portal/flows/permission-matrix.mjs).

const COUNT_KEYS = new Set(['numerator', 'denominator', 'events', 'knownDenominator']);

/**
 * Throws unless every count in an advisory file is null (suppressed), 0, or a
 * multiple of 5 of at least 10: what NHS Digital's rule leaves. Walks the whole
 * file, so a count added later under these names is checked too. Returns how many
 * counts it checked.
 *
 * @example
 * checkAdvisoryCounts({ rows: [{ numerator: 10, denominator: null }] }); // => 2
 * checkAdvisoryCounts({ rows: [{ numerator: 3 }] }); // throws: .rows[0].numerator is 3
 */
export function checkAdvisoryCounts(value, where = '') {
  let checked = 0;
  const visit = (node, pathName, isCount) => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, `${pathName}[${index}]`, isCount);
      return;
    }
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node))
        visit(child, `${pathName}.${key}`, COUNT_KEYS.has(key));
      return;
    }
    if (!isCount) return;
    checked++;
    if (!(node === null || node === 0 || (Number.isInteger(node) && node >= 8 && node % 5 === 0)))
      throw new Error(
        `${where}${pathName} is ${node}: a published count must be suppressed, 0, or rounded to 5 and at least 8`,
      );
  };
  visit(value, '', false);
  return checked;
}
