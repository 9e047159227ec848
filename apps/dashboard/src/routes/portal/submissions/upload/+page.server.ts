import { error, fail, redirect } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import { confirmPendingUpload } from '$lib/server/submissions/confirm-pending-upload';
import { labelDiff } from '$lib/server/submissions/labelled-diff';
import { previewUpload } from '$lib/server/submissions/preview-upload';
import { portalToday } from '$lib/server/submissions/submission-clock';
import {
  isPeriodText,
  submittableMonthProblem,
  submittableMonths,
} from '$lib/server/submissions/submission-months';
import { MAX_NOTE_LENGTH } from '$lib/server/submissions/submission-note';
import { siteToSubmitFor } from '$lib/server/submissions/submission-scope';
import { MAX_UPLOAD_BYTES } from '$lib/server/submissions/uploaded-csv';
import type { Actions, PageServerLoad } from './$types';

// Upload → preview (nothing stored; the file waits an hour as a pending upload) → confirm
// (stored as the next version). Site accounts only: everyone else gets 403.
export const load: PageServerLoad = async ({ locals, url }) => {
  const scope = siteToSubmitFor(locals.user);
  if (!scope.ok) error(scope.status, scope.message);
  const portal = await getPortal();
  const today = portalToday();
  const months = submittableMonths(today);
  const asked = url.searchParams.get('period');
  const monthProblem = asked === null ? null : submittableMonthProblem(asked, today);
  return {
    siteId: scope.siteId,
    siteName: portal.reference.sites.find((s) => s.site_id === scope.siteId)?.display_name ?? scope.siteId,
    months,
    // Default: last month, the one most often being submitted.
    period: asked !== null && monthProblem === null ? asked : (months[1] ?? months[0]),
    monthProblem,
    maxUploadMb: MAX_UPLOAD_BYTES / (1024 * 1024),
    maxNoteLength: MAX_NOTE_LENGTH,
  };
};

export const actions: Actions = {
  preview: async ({ request, locals }) => {
    const scope = siteToSubmitFor(locals.user);
    if (!scope.ok) error(scope.status, scope.message);
    // Refuse an oversized upload before reading it (the multipart wrapping adds a few hundred bytes).
    if (Number(request.headers.get('content-length')) > MAX_UPLOAD_BYTES + 16 * 1024)
      return fail(413, {
        period: '',
        message: `The file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB (one site’s month is about 30 KB). Check that the export is for one site and one month.`,
      });
    const form = await request.formData();
    const period = String(form.get('period') ?? '');
    const file = form.get('file');
    if (!(file instanceof File) || (file.size === 0 && file.name === ''))
      return fail(400, { period, message: 'Choose the CSV file to upload.' });
    const portal = await getPortal();
    const result = await previewUpload(portal, locals.user, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      contentType: file.type,
      period,
      today: portalToday(),
    });
    if (!result.ok) return fail(result.status, { period, message: result.errors[0]?.message ?? 'Refused.' });
    const { preview } = result;
    const view = {
      period: preview.period,
      fileName: preview.fileName,
      bytes: preview.bytes,
      dataLines: preview.dataLines,
      ok: preview.check.ok,
      rowCount: preview.check.ok ? preview.check.rows.length : 0,
      errors: preview.check.ok ? [] : preview.check.errors,
      warnings: preview.check.warnings,
      latestVersion: preview.latestVersion,
      changes: preview.changes ? labelDiff(preview.changes, portal.reference) : null,
      uploadId: preview.uploadId,
    };
    // 200 either way: the preview page (errors or not) is the answer the person asked for;
    // nothing was kept when the file has errors. Scripts get 422 from the API instead.
    return { period, preview: view };
  },

  confirm: async ({ request, locals }) => {
    const scope = siteToSubmitFor(locals.user);
    if (!scope.ok) error(scope.status, scope.message);
    const form = await request.formData();
    const result = await confirmPendingUpload(await getPortal(), locals.user, {
      uploadId: String(form.get('upload') ?? ''),
      note: String(form.get('note') ?? ''),
      today: portalToday(),
    });
    if (!result.ok) {
      const period = String(form.get('period') ?? '');
      const [first] = result.errors;
      return fail(result.status, {
        period: isPeriodText(period) ? period : '',
        message:
          result.errors.length === 1 && first
            ? first.message
            : `The file no longer passes the checks (${result.errors.length} problems, listed below); nothing was stored. Correct the file and upload it again.`,
        confirmErrors: result.errors.length > 1 ? result.errors : [],
      });
    }
    const { stored } = result;
    redirect(303, `/portal/submissions/history?period=${stored.period}&stored=${stored.version}`);
  },
};
