import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Issuing Console", template: "%s · Issuing Console" },
  description: "Financial accounts, cards and USDC wallets for your business customers.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
