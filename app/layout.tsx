import type { Metadata } from "next";
import { headers } from "next/headers";
import Script from "next/script";
import { ToastProvider } from "@/components/ui/toast";
import { sandboxPublicUrl, stripeMode } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Issuing Console", template: "%s · Issuing Console" },
  description: "Financial accounts, cards and USDC wallets for your business customers.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en">
      <head>
        {/* Sandbox mode: the sandbox's connect.js defines window.StripeConnect before hydration, so
            @stripe/connect-js uses it instead of loading Stripe's. Stripe mode loads Stripe's on demand. */}
        {stripeMode() === "sandbox" ? (
          <Script src={`${sandboxPublicUrl()}/connect.js`} strategy="beforeInteractive" nonce={nonce} />
        ) : null}
      </head>
      <body className="min-h-screen font-sans">
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
