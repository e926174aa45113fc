import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireBusinessPage } from "@/lib/auth/session";
import { SUPPORTED_COUNTRIES } from "@/lib/businesses/countries";
import { NewBusinessForm } from "./new-business-form";

export const metadata: Metadata = { title: "Create your business" };

export default async function OnboardingPage() {
  const ctx = await requireBusinessPage("business.view");
  if (ctx) redirect("/dashboard");
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-[1fr_1fr]">
      <section>
        <h1 className="text-2xl font-semibold">Create your business</h1>
        <p className="mt-2 text-slate-600">
          Tell us who you are. Next, Stripe verifies your business; then you can hold money, issue cards and pay out.
        </p>
        <ul className="mt-6 space-y-3 text-sm text-slate-700">
          {SUPPORTED_COUNTRIES.map((c) => (
            <li key={c.code} className="rounded-lg border border-slate-200 bg-white p-3">
              <span className="font-medium">{c.name}</span> — {c.funding}
            </li>
          ))}
        </ul>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <NewBusinessForm />
      </section>
    </div>
  );
}
