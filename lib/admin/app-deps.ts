import "server-only";
import { getDb } from "@/db";
import { stripeMode } from "@/lib/config";
import { appOrigin } from "@/lib/http";
import { rulesCache } from "@/lib/rules/rules-store";
import { getStripe } from "@/lib/stripe/client";
import type { AdminDeps } from "./deps";

export function appDeps(): AdminDeps {
  return { db: getDb(), stripe: getStripe(), rules: rulesCache(), origin: appOrigin, mode: stripeMode() };
}
