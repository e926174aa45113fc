import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import type { RulesCache } from "@/lib/rules/rules-store";

/**
 * What the admin actions' cores work with, passed in so tests run them on a test database and a
 * sandbox without Next.js. The app builds these in `app-deps.ts`.
 */
export type AdminDeps = {
  db: Db;
  stripe: Stripe;
  rules: RulesCache;
  /** The app's origin, for return URLs handed to Stripe. */
  origin: () => Promise<string>;
  /** Sandbox-only controls (simulated wires) are offered only in sandbox mode. */
  mode: "sandbox" | "stripe";
};
