import { json } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import type { RefusedSubmission } from '$lib/server/submissions/check-submission';
import { readBodyWithin } from '$lib/server/submissions/request-body';
import { portalToday } from '$lib/server/submissions/submission-clock';
import { isPeriodText } from '$lib/server/submissions/submission-months';
import { siteToSubmitFor, siteToView } from '$lib/server/submissions/submission-scope';
import { listSubmissionVersions } from '$lib/server/submissions/submission-versions';
import { submitCsv } from '$lib/server/submissions/submit-csv';
import { MAX_UPLOAD_BYTES } from '$lib/server/submissions/uploaded-csv';
import type { RequestHandler } from './$types';

// The submission API for scripts: POST a month's CSV (body text/csv, site from the session),
// GET the versions stored. Same checks and the same atomic write as the upload page.

function refused(status: number, rule: string, message: string) {
  return json({ ok: false, errors: [{ line: null, column: null, rule, message }], warnings: [] }, { status });
}

function problems(result: RefusedSubmission) {
  const strip = (p: RefusedSubmission['errors'][number]) => ({
    line: p.line,
    column: p.column,
    rule: p.rule,
    value: p.value,
    message: p.message,
  });
  return json(
    { ok: false, errors: result.errors.map(strip), warnings: result.warnings.map(strip) },
    { status: result.status },
  );
}

export const POST: RequestHandler = async ({ request, locals, url }) => {
  const started = performance.now();
  // Refuse before reading the body: who may submit, then how much.
  const scope = siteToSubmitFor(locals.user);
  if (!scope.ok) return refused(scope.status, 'not_allowed', scope.message);
  const bytes = await readBodyWithin(request, MAX_UPLOAD_BYTES);
  if (bytes === null)
    return refused(
      413,
      'too_large',
      `The body is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB (one site's month is about 30 KB). Send one site's month per request.`,
    );
  const result = await submitCsv(await getPortal(), locals.user, {
    bytes,
    contentType: request.headers.get('content-type'),
    period: url.searchParams.get('period'),
    note: url.searchParams.get('note'),
    today: portalToday(),
  });
  if (!result.ok) return problems(result);
  const { stored } = result;
  return json(
    {
      ok: true,
      siteId: stored.siteId,
      period: stored.period,
      version: stored.version,
      rows: stored.rows,
      ms: Math.round(performance.now() - started),
      warnings: result.warnings,
    },
    { status: 201 },
  );
};

export const GET: RequestHandler = async ({ locals, url }) => {
  const portal = await getPortal();
  const scope = siteToView(locals.user, url.searchParams.get('site'), portal.siteIds);
  if (!scope.ok) return refused(scope.status, 'not_allowed', scope.message);
  if (scope.siteId === null)
    return refused(400, 'site_required', 'Say which site: add &site= (for example &site=S1).');
  const period = url.searchParams.get('period') || null;
  if (period !== null && !isPeriodText(period))
    return refused(400, 'malformed_period', `The month “${period.slice(0, 20)}” is not written YYYY-MM.`);
  const versions = await listSubmissionVersions(portal.store, scope.siteId, period ?? undefined);
  return json({
    ok: true,
    siteId: scope.siteId,
    period,
    versions: versions.map((v) => ({
      period: v.period,
      version: v.version,
      submittedAt: v.submittedAt,
      submittedBy: v.submitterEmail,
      rowCount: v.rowCount,
      fileSha256: v.fileSha256,
      note: v.note,
    })),
  });
};
