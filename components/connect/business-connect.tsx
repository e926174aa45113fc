"use client";

import type { FormAction } from "@/lib/actions/form-action";
import { ConnectProvider } from "./connect-provider";

/** Embedded components for the signed-in user's business (sessions come from the given server action). */
export function BusinessConnect({
  publishableKey,
  sessionKey,
  createAccountSession,
  children,
}: {
  publishableKey: string;
  sessionKey: string;
  createAccountSession: FormAction<{ clientSecret: string }>;
  children: React.ReactNode;
}) {
  const fetchClientSecret = async (): Promise<string> => {
    const result = await createAccountSession(null, new FormData());
    if (!result.ok) throw new Error(result.error.message);
    return result.data.clientSecret;
  };
  return (
    <ConnectProvider publishableKey={publishableKey} sessionKey={sessionKey} fetchClientSecret={fetchClientSecret}>
      {children}
    </ConnectProvider>
  );
}
