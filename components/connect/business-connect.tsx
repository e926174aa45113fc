"use client";

import { createAccountSession, createIssuingEphemeralKey } from "@/app/(business)/connect-actions";
import { ConnectProvider } from "./connect-provider";

async function fetchClientSecret(): Promise<string> {
  const result = await createAccountSession({});
  if (!result.ok) throw new Error(result.error.message);
  return result.data.clientSecret;
}

export async function fetchEphemeralKey(args: {
  issuingCard: string;
  nonce: string;
}): Promise<{ issuingCard: string; nonce: string; ephemeralKeySecret: string }> {
  const result = await createIssuingEphemeralKey(args);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** Embedded components for the signed-in user's business (sessions come from a server action). */
export function BusinessConnect({
  publishableKey,
  sessionKey,
  children,
}: {
  publishableKey: string;
  sessionKey: string;
  children: React.ReactNode;
}) {
  return (
    <ConnectProvider publishableKey={publishableKey} sessionKey={sessionKey} fetchClientSecret={fetchClientSecret}>
      {children}
    </ConnectProvider>
  );
}
