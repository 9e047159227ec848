// See https://svelte.dev/docs/kit/types#app.d.ts
import type { PortalUser } from '$lib/server/auth/roles';

declare global {
  /** True in the portal build (adapter-node, accounts); false in the public static build. */
  const __PORTAL__: boolean;
  namespace App {
    interface Locals {
      /** The signed-in user, or null (always null in the public static build). */
      user: PortalUser | null;
      /** The session cookie's token, to end it on sign-out. */
      sessionToken: string | null;
    }
  }
}
