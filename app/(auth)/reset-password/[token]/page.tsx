import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { resetLinkWorks } from "@/lib/auth/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const works = token.length <= 200 && (await resetLinkWorks(getDb(), { token }));
  if (!works) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">This link no longer works</h1>
        <p role="alert" className="text-sm text-slate-700">
          Reset links work once, for 30 minutes. This one has been used, has expired, or was never valid.
        </p>
        <Link
          href="/forgot-password"
          className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Ask for a new link
        </Link>
      </div>
    );
  }
  return <ResetPasswordForm token={token} />;
}
