// Adds up the reports that each package's tests write: vitest's JSON report in
// .test-results/ and the browser tests' e2e-out/results.json. Prints the whole
// run's "N passed, N failed" line. A package whose tests left no report counts
// as one failure, so a crashed runner cannot pass silently; so does each failed step
// that scripts/test.sh names as an argument (lint, format, type checks, builds), one
// failure each (test reports would otherwise hide them).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const packageFile = join(group, name, 'package.json');
    if (!existsSync(packageFile)) continue;
    const scripts = readJson(packageFile).scripts ?? {};

    if (scripts.test) {
      const report = join(group, name, '.test-results', 'vitest.json');
      if (existsSync(report)) {
        const r = readJson(report);
        passed += r.numPassedTests ?? 0;
        failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
        skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
        console.log(`${group}/${name} unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
      } else {
        failed += 1;
        console.log(`${group}/${name} unit: no report (${report}): counted as a failure`);
      }
    }
    // The static build's browser tests, and the portal's when the app has them.
    const e2eReports = [
      ...(scripts.e2e ? [['e2e', join(group, name, 'e2e-out', 'results.json')]] : []),
      ...(scripts['e2e:portal']
        ? [['portal e2e', join(group, name, 'e2e-out', 'portal', 'results.json')]]
        : []),
    ];
    for (const [label, report] of e2eReports) {
      if (existsSync(report)) {
        const r = readJson(report);
        passed += r.passed ?? 0;
        failed += r.failed ?? 0;
        console.log(`${group}/${name} ${label}: ${r.passed} passed, ${r.failed} failed`);
      } else {
        failed += 1;
        console.log(`${group}/${name} ${label}: no report (${report}): counted as a failure`);
      }
    }
  }
}
// A failed turbo step whose failures are already in the reports above still counts once:
// its failure may also be a type check or a build, which no report shows.
for (const step of process.argv.slice(2)) {
  failed += 1;
  console.log(`step failed: ${step} (see its output above): counted as a failure`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
