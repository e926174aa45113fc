import type { Metadata } from "next";
import { FormSuccess } from "@/components/ui/form-success";
import { stripeMode } from "@/lib/config";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; ended?: string | string[]; reset?: string | string[] }>;
}) {
  const { next, ended, reset } = await searchParams;
  return (
    <>
      {reset === "1" ? (
        <div className="mb-4">
          <FormSuccess testId="password-reset-done">Your password was changed. Sign in with the new one.</FormSuccess>
        </div>
      ) : ended ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Your session has ended. Sign in again.
        </p>
      ) : null}
      <SignInForm next={typeof next === "string" ? next : undefined} />
      {stripeMode() === "sandbox" ? (
        <div className="mt-6 rounded-md bg-slate-50 p-3 text-xs text-slate-600">
          <p className="font-medium text-slate-700">Sandbox demo sign-ins (password sandbox-demo)</p>
          <ul className="mt-1 space-y-0.5">
            <li>admin@platform.test — platform admin</li>
            <li>owner@us.test — US business owner</li>
            <li>owner@mx.test — Mexican business owner</li>
            <li>owner@uk.test — UK business owner</li>
          </ul>
        </div>
      ) : null}
    </>
  );
}
