import { error, fail } from '@sveltejs/kit';
import {
  AccountError,
  createAccount,
  listAccounts,
  normaliseEmail,
  resetPassword,
  setAccountDisabled,
} from '$lib/server/auth/accounts';
import { can, isSiteRole, type PortalUser, ROLE_LABELS, ROLES, type Role } from '$lib/server/auth/roles';
import type { Actor } from '$lib/server/db/audit-log';
import { getPortal } from '$lib/server/portal';
import type { Actions, PageServerLoad } from './$types';

// Every load and action checks the permission itself: the hook only knows someone signed in.
function requireAdmin(user: PortalUser | null): { user: PortalUser; actor: Actor } {
  if (!user || !can(user, 'manage_accounts')) error(403, 'Only network admins can manage accounts.');
  return { user, actor: { accountId: user.accountId, email: user.email } };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export const load: PageServerLoad = async ({ locals }) => {
  const { user } = requireAdmin(locals.user);
  const portal = await getPortal();
  const accounts = await listAccounts(portal.store);
  return {
    // Only what the table shows: listAccounts never carries password hashes.
    accounts: accounts.map((account) => ({
      email: account.email,
      displayName: account.displayName,
      roleLabel: ROLE_LABELS[account.role],
      siteId: account.siteId,
      disabled: account.disabled,
      created: DAY.format(new Date(account.createdAt)),
      createdAt: account.createdAt,
      isYou: account.accountId === user.accountId,
    })),
    roles: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], siteRole: isSiteRole(role) })),
    sites: portal.reference.sites.map((site) => ({ id: site.site_id, name: site.display_name })),
  };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { actor } = requireAdmin(locals.user);
    const form = await request.formData();
    const values = {
      email: text(form, 'email'),
      displayName: text(form, 'displayName'),
      role: text(form, 'role'),
      siteId: text(form, 'siteId'),
    };
    const portal = await getPortal();
    try {
      const created = await createAccount(
        portal.store,
        actor,
        { ...values, role: values.role as Role, password: text(form, 'password') },
        portal.siteIds,
      );
      return {
        action: 'create' as const,
        done: `Created an account for ${created.displayName} (${created.email}), ${ROLE_LABELS[created.role]}${created.siteId ? ` at site ${created.siteId}` : ''}. Give them their password in person or by phone, not in the same email as their address.`,
      };
    } catch (problem) {
      if (problem instanceof AccountError)
        return fail(400, {
          action: 'create' as const,
          field: problem.field,
          message: problem.message,
          values,
        });
      throw problem;
    }
  },

  resetPassword: async ({ locals, request }) => {
    const { actor } = requireAdmin(locals.user);
    const form = await request.formData();
    const email = normaliseEmail(text(form, 'email'));
    try {
      await resetPassword((await getPortal()).store, actor, email, text(form, 'password'));
      return {
        action: 'resetPassword' as const,
        email,
        done: `New password set for ${email}. Their sessions have ended: they sign in again with the new password.`,
      };
    } catch (problem) {
      if (problem instanceof AccountError)
        return fail(400, {
          action: 'resetPassword' as const,
          email,
          field: problem.field,
          message: problem.message,
        });
      throw problem;
    }
  },

  disable: async ({ locals, request }) => {
    const { user, actor } = requireAdmin(locals.user);
    const email = normaliseEmail(text(await request.formData(), 'email'));
    // An admin who disabled themselves could lock the network out of its own portal.
    if (email === user.email)
      return fail(400, {
        action: 'status' as const,
        email,
        message: 'You cannot disable your own account. Ask another network admin, or use the command line.',
      });
    try {
      await setAccountDisabled((await getPortal()).store, actor, email, true);
      return { action: 'status' as const, email, done: `Disabled ${email}: they can no longer sign in.` };
    } catch (problem) {
      if (problem instanceof AccountError)
        return fail(400, { action: 'status' as const, email, message: problem.message });
      throw problem;
    }
  },

  enable: async ({ locals, request }) => {
    const { actor } = requireAdmin(locals.user);
    const email = normaliseEmail(text(await request.formData(), 'email'));
    try {
      await setAccountDisabled((await getPortal()).store, actor, email, false);
      return { action: 'status' as const, email, done: `Enabled ${email}: they can sign in again.` };
    } catch (problem) {
      if (problem instanceof AccountError)
        return fail(400, { action: 'status' as const, email, message: problem.message });
      throw problem;
    }
  },
};
