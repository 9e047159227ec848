import { error, fail } from '@sveltejs/kit';
import { backUpInto, listBackups } from '$lib/server/admin/backup-folder';
import { can, type PortalUser } from '$lib/server/auth/roles';
import { getPortal } from '$lib/server/portal';
import type { Actions, PageServerLoad } from './$types';

// Every load and action checks the permission itself: the hook only knows someone signed in.
function requireBackupRight(user: PortalUser | null): PortalUser {
  if (!user || !can(user, 'back_up_database')) error(403, 'Only network admins can see and take backups.');
  return user;
}

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The tables an admin checks a backup by: the network's data and accounts, not the bookkeeping. */
const KEY_TABLES: Record<string, string> = {
  submission_versions: 'submission versions',
  submission_rows: 'submitted rows',
  pdsa_cycles: 'PDSA cycles',
  reports: 'reports',
  accounts: 'accounts',
};

export const load: PageServerLoad = async ({ locals }) => {
  requireBackupRight(locals.user);
  const portal = await getPortal();
  const { dir, everyHours, keep } = portal.backups;
  return {
    dir,
    everyHours,
    keep,
    lastError: portal.backupState.lastError,
    databaseFile: portal.store.file,
    backups: listBackups(dir).map((backup) => ({
      name: backup.name,
      dir: backup.dir,
      kind: backup.kind,
      createdAt: backup.manifest.createdAt,
      created: WHEN.format(new Date(backup.manifest.createdAt)),
      createdBy: backup.manifest.createdBy,
      schemaVersion: backup.manifest.schemaVersion,
      bytes: backup.bytes,
      contents: Object.entries(KEY_TABLES)
        .filter(([table]) => table in backup.manifest.tables)
        .map(
          ([table, label]) =>
            `${(backup.manifest.tables[table]?.rows ?? 0).toLocaleString('en-GB')} ${label}`,
        )
        .join(', '),
    })),
  };
};

export const actions: Actions = {
  backup: async ({ locals }) => {
    const user = requireBackupRight(locals.user);
    const portal = await getPortal();
    try {
      const started = performance.now();
      const { name, manifest } = await backUpInto(portal.store, portal.backups.dir, 'manual', {
        accountId: user.accountId,
        email: user.email,
      });
      const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
      return {
        done: `Backed up ${rows.toLocaleString('en-GB')} rows in ${Object.keys(manifest.tables).length} tables to ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
        name,
      };
    } catch (problem) {
      // Nothing half-written stays: backupDatabase writes beside the folder and renames at the end.
      return fail(500, { message: `The backup failed and nothing was kept: ${(problem as Error).message}` });
    }
  },
};
