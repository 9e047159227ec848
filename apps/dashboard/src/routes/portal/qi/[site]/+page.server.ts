import { error } from '@sveltejs/kit';
import { aimMeasures } from '$lib/qi/aim-measures';
import { aimEthnicGroupOptions, knownEthnicGroups } from '$lib/qi/ethnic-groups';
import { monthLabel } from '$lib/qi/month-label';
import { can, type PortalUser } from '$lib/server/auth/roles';
import { asHttpError, formReader, formValues, requireUser, runFormAction } from '$lib/server/form-action';
import { getPortal } from '$lib/server/portal';
import { saveAim } from '$lib/server/qi-log/aims';
import { deleteChangeIdea, saveChangeIdea } from '$lib/server/qi-log/change-ideas';
import { deletePdsaCycle, savePdsaCycle } from '$lib/server/qi-log/pdsa-cycles';
import { readQiLog } from '$lib/server/qi-log/qi-log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireUser(locals.user);
  const siteId = params.site;
  if (!can(user, 'view_qi_log', siteId)) error(403, `You cannot see the QI log of site ${siteId}.`);
  const { store, reference } = await getPortal();
  const site = reference.sites.find((candidate) => candidate.site_id === siteId);
  if (!site) error(404, `There is no site ${siteId}.`);
  const aims = await readQiLog(store, reference, user, siteId).catch((problem) => {
    throw asHttpError(problem);
  });
  const groups = knownEthnicGroups(reference.ethnicCategories);
  return {
    site: { siteId, name: site.display_name },
    otherSites:
      can(user, 'view_qi_log', siteId) && !user.siteId
        ? reference.sites.map((other) => ({ siteId: other.site_id, name: other.display_name }))
        : [],
    aims,
    measures: aimMeasures(reference.measures).map((measure) => ({
      measure_id: measure.measure_id,
      name: measure.name,
      unit_label: measure.unit_label,
      multiplier: measure.multiplier,
      direction: measure.direction,
      by_ethnic_group: measure.by_ethnic_group,
    })),
    groupOptions: aimEthnicGroupOptions(reference.ethnicCategories),
    // Level-2 groups a stored aim may use (the demo's), so its form can show them ticked.
    extraGroups: [...groups.values()].filter((group) => group.level === 'level2'),
    mayEditAims: can(user, 'edit_aims', siteId),
    mayEditLog: can(user, 'edit_qi_log', siteId),
  };
};

// Each action checks the user's permission for the URL's site before reading the form, so a
// site role posting to another site's log gets 403 whatever it sends.
function writer(locals: App.Locals, siteId: string, permission: 'edit_aims' | 'edit_qi_log'): PortalUser {
  const user = requireUser(locals.user);
  if (!can(user, permission, siteId))
    error(
      403,
      permission === 'edit_aims'
        ? `Only the site lead of ${siteId} can set or change its aims.`
        : `Only the team of site ${siteId} can change its QI log.`,
    );
  return user;
}

export const actions: Actions = {
  saveAim: async ({ locals, params, request }) => {
    const user = writer(locals, params.site, 'edit_aims');
    const data = await request.formData();
    const { text, list } = formReader(data);
    const aimId = text('aim_id') || undefined;
    const { store, reference } = await getPortal();
    return runFormAction(
      aimId ? `aim:${aimId}` : 'aim:new',
      formValues(data, ['ethnic_groups']),
      async () => {
        const fields = {
          measure_id: text('measure_id'),
          focus: text('focus'),
          ethnic_groups: list('ethnic_groups'),
          baseline_value: text('baseline_value'),
          target_value: text('target_value'),
          target_period: text('target_period'),
          statement: text('statement'),
        };
        const aim = await saveAim(store, reference, user, params.site, fields, aimId);
        return { saved: aim.aim_id, message: `Aim ${aim.aim_id} ${aimId ? 'updated' : 'set'}.` };
      },
    );
  },
  saveChangeIdea: async ({ locals, params, request }) => {
    const user = writer(locals, params.site, 'edit_qi_log');
    const data = await request.formData();
    const { text } = formReader(data);
    const ideaId = text('change_idea_id') || undefined;
    const { store } = await getPortal();
    const key = ideaId ? `idea:${ideaId}` : `idea:new:${text('aim_id')}`;
    return runFormAction(key, formValues(data), async () => {
      const fields = { aim_id: text('aim_id'), primary_driver: text('primary_driver'), title: text('title') };
      const idea = await saveChangeIdea(store, user, params.site, fields, ideaId);
      return { saved: idea.change_idea_id, message: `Change idea ${idea.change_idea_id} saved.` };
    });
  },
  savePdsa: async ({ locals, params, request }) => {
    const user = writer(locals, params.site, 'edit_qi_log');
    const data = await request.formData();
    const { text, list } = formReader(data);
    const pdsaId = text('pdsa_id') || undefined;
    const { store, reference } = await getPortal();
    const key = pdsaId ? `pdsa:${pdsaId}` : `pdsa:new:${text('change_idea_id')}`;
    return runFormAction(key, formValues(data, ['linked_measures']), async () => {
      const fields = {
        change_idea_id: text('change_idea_id'),
        plan: text('plan'),
        do_notes: text('do_notes'),
        study: text('study'),
        act: text('act'),
        act_notes: text('act_notes'),
        start_period: text('start_period'),
        end_period: text('end_period'),
        linked_measures: list('linked_measures'),
      };
      const cycle = await savePdsaCycle(store, reference, user, params.site, fields, pdsaId);
      return {
        saved: cycle.pdsa_id,
        message: `PDSA cycle ${cycle.cycle} of ${cycle.change_idea_id} saved; it is marked on the charts at ${monthLabel(cycle.start_period)}.`,
      };
    });
  },
  deletePdsa: async ({ locals, params, request }) => {
    const user = writer(locals, params.site, 'edit_qi_log');
    const data = await request.formData();
    const { text } = formReader(data);
    const pdsaId = text('pdsa_id');
    const { store } = await getPortal();
    return runFormAction(`pdsa-delete:${pdsaId}`, formValues(data), async () => {
      const cycle = await deletePdsaCycle(store, user, params.site, pdsaId, text('confirm') === 'yes');
      return {
        saved: cycle.change_idea_id,
        message: `PDSA cycle ${cycle.cycle} of ${cycle.change_idea_id} deleted, with its marker on the charts. The audit log keeps a copy.`,
      };
    });
  },
  deleteChangeIdea: async ({ locals, params, request }) => {
    const user = writer(locals, params.site, 'edit_qi_log');
    const data = await request.formData();
    const { text } = formReader(data);
    const ideaId = text('change_idea_id');
    const { store } = await getPortal();
    return runFormAction(`idea-delete:${ideaId}`, formValues(data), async () => {
      const idea = await deleteChangeIdea(store, user, params.site, ideaId, text('confirm') === 'yes');
      return {
        saved: idea.aim_id,
        message: `Change idea “${idea.title}” deleted. The audit log keeps a copy.`,
      };
    });
  },
};
