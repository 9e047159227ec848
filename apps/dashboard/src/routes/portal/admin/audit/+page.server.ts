import { error } from '@sveltejs/kit';
import { auditActions, auditLogPage } from '$lib/server/admin/audit-log-query';
import { can } from '$lib/server/auth/roles';
import { getPortal } from '$lib/server/portal';
import type { PageServerLoad } from './$types';

// "account.create" suggests both itself and "account." (every account change).
function suggestions(actions: readonly string[]): string[] {
  const prefixes = actions.filter((a) => a.includes('.')).map((a) => `${a.slice(0, a.indexOf('.'))}.`);
  return [...new Set([...prefixes, ...actions])].sort();
}

function detailPairs(detail: string | null): { key: string; value: string }[] {
  if (!detail) return [];
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return Object.entries(parsed).map(([key, value]) => ({
        key,
        value: value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value),
      }));
  } catch {}
  return [{ key: 'detail', value: detail }];
}

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!can(locals.user, 'view_audit_log')) error(403, 'Only network admins can read the audit log.');
  const filter = {
    actionPrefix: url.searchParams.get('action')?.trim() ?? '',
    email: url.searchParams.get('email')?.trim() ?? '',
  };
  const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const { store } = await getPortal();
  const page = await auditLogPage(store, filter, Number.isFinite(requested) ? requested : 1);
  const query = (pageNumber: number | null) => {
    const params = new URLSearchParams();
    if (filter.actionPrefix) params.set('action', filter.actionPrefix);
    if (filter.email) params.set('email', filter.email);
    if (pageNumber && pageNumber > 1) params.set('page', String(pageNumber));
    const text = params.toString();
    return text ? `?${text}` : '';
  };
  return {
    filter,
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    first: page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1,
    last: (page.page - 1) * page.pageSize + page.entries.length,
    entries: page.entries.map((entry) => ({
      id: entry.auditId,
      when: entry.occurredAt.replace('T', ' ').slice(0, 19),
      email: entry.email ?? '',
      action: entry.action,
      target: entry.target ?? '',
      detail: detailPairs(entry.detail),
    })),
    previousHref: page.page > 1 ? `/portal/admin/audit${query(page.page - 1)}` : null,
    nextHref: page.page < page.pageCount ? `/portal/admin/audit${query(page.page + 1)}` : null,
    csvHref: `/portal/admin/audit.csv${query(null)}`,
    suggestions: suggestions(await auditActions(store)),
  };
};
