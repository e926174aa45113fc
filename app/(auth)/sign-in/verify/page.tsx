import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { PENDING_COOKIE, readPendingToken } from "@/lib/auth/two-factor/pending";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/** The second step of signing in; without a pending sign-in (password first) there is nothing to verify. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (!readPendingToken((await cookies()).get(PENDING_COOKIE)?.value)) redirect("/sign-in");
  const { next } = await searchParams;
  return <VerifyForm next={typeof next === "string" ? next : undefined} />;
}
