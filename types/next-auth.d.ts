import type { DefaultSession } from "next-auth";
import type { PlatformRole } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    platformRole?: PlatformRole | null;
  }
  interface Session {
    user: { id: string; platformRole: PlatformRole | null } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    platformRole?: PlatformRole | null;
  }
}
