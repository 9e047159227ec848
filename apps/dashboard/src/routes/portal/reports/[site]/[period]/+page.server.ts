import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/roles';
import { asHttpError, formReader, formValues, requireUser, runFormAction } from '$lib/server/form-action';
import { getPortal } from '$lib/server/portal';
import { readMonthlyReport } from '$lib/server/reports/monthly-report';
import { addReportComment } from '$lib/server/reports/report-comments';
import { saveReportNarrative } from '$lib/server/reports/report-narrative';
import { timestampLabel } from '$lib/server/reports/timestamp-label';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireUser(locals.user);
  const { store, reference } = await getPortal();
  try {
    const report = await readMonthlyReport(store, reference, user, params.site, params.period);
    return { report, preparedAt: timestampLabel(new Date().toISOString()) };
  } catch (problem) {
    throw asHttpError(problem);
  }
};

export const actions: Actions = {
  saveNarrative: async ({ locals, params, request }) => {
    const user = requireUser(locals.user);
    if (!can(user, 'write_report', params.site))
      error(403, `Only the site lead of ${params.site} can write its monthly report.`);
    const data = await request.formData();
    const { text } = formReader(data);
    const submit = text('intent') === 'submit';
    const { store } = await getPortal();
    return runFormAction('narrative', formValues(data), async () => {
      const report = await saveReportNarrative(store, user, params.site, params.period, {
        narrative: text('narrative'),
        submit,
      });
      return {
        saved: 'narrative',
        message:
          report.status === 'draft'
            ? 'Draft saved. Only your site’s team can see it until you submit it.'
            : submit
              ? 'Report submitted. Faculty can now read it and reply.'
              : 'Revision saved: the submitted report now shows this text.',
      };
    });
  },
  comment: async ({ locals, params, request }) => {
    const user = requireUser(locals.user);
    if (!can(user, 'comment_on_reports', params.site))
      error(403, 'Only the improvement faculty and network admins can comment on reports.');
    const data = await request.formData();
    const { store } = await getPortal();
    return runFormAction('comment', formValues(data), async () => {
      const comment = await addReportComment(
        store,
        user,
        params.site,
        params.period,
        formReader(data).text('comment'),
      );
      return { saved: `comment-${comment.comment_id}`, message: 'Comment sent to the site’s team.' };
    });
  },
};
