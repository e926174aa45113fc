import type { DefaultSession } from "next-auth";
import type { PlatformRole } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    platformRole?: PlatformRole | null;
  }
  interface Session {
    user: { id: string; platformRole: PlatformRole | null; sessionId: string | null } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    platformRole?: PlatformRole | null;
    /** The `user_sessions` row of this sign-in: revoking it ends the session on the next request. */
    sid?: string;
  }
}
