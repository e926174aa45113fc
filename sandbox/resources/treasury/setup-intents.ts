import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest } from "../../wire/errors";

import { emitEvent } from "../../events/bus";
import { randomToken } from "../../store/ids";
import type { Row } from "../../store/store";
import { mergeMetadata, ownedRow } from "../common";
import { createPm, loadPm, PMS, type PmRow } from "./payment-methods";

/**
 * SetupIntents for `us_bank_account` as the Treasury guide uses them: confirming with bank
 * details answers `requires_action` + `verify_with_microdeposits`; verifying with Stripe's
 * test descriptor code `SM11AA` (or amounts 32 and 45) succeeds and marks the PaymentMethod
 * verified for the SetupIntent's `flow_directions`.
 */
const SIS = "setup_intents";
type Si = Stripe.SetupIntent;
type SiRow = Row<Si> & { extra: { attempts: number; return_url?: string | null } };
type Json = Record<string, unknown>;

/**
 * Stripe's message when a SetupIntent that accepts the Dashboard's payment methods (automatic
 * payment methods, redirects allowed) is confirmed without a `return_url`. [The message is
 * Stripe's as integrations report it; its code and param are not documented: the sandbox answers
 * `parameter_missing` / `return_url`, stricter than a bare message.]
 */
const RETURN_URL_REQUIRED =
  "A `return_url` must be specified because this Setup Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.";

/**
 * Which payment method types the request names: `allowed_payment_method_types`, or before
 * 2026-09-30.endive `payment_method_types` (contract/versions.ts), which meant the same. `null`:
 * none named (the SetupIntent then uses automatic payment methods, Stripe's default since 2023).
 */
function namedTypes(p: Json): string[] | null {
  const allowed = p.allowed_payment_method_types as string[] | null | undefined;
  const legacy = p.payment_method_types as string[] | undefined;
  if (allowed && legacy)
    throw invalidRequest(
      "You may only specify one of these parameters: allowed_payment_method_types, payment_method_types.",
      { param: "payment_method_types", code: "parameters_exclusive" },
    );
  const types = allowed ?? legacy ?? null;
  if (!types) return null;
  const param = allowed ? "allowed_payment_method_types" : "payment_method_types";
  if (types.length === 0)
    throw invalidRequest(`Invalid ${param}: must name at least one payment method type.`, {
      param,
      code: "parameter_invalid_empty",
    });
  if (types.some((t) => t !== "us_bank_account"))
    throw invalidRequest("The sandbox's SetupIntents support only `us_bank_account`.", { param });
  return types;
}

/** Sets the SetupIntent's payment method types (named, or automatic payment methods) from create/update params. */
function applyTypes(si: Si, p: Json, creating: boolean): void {
  const types = namedTypes(p);
  const apm = p.automatic_payment_methods as { enabled?: boolean; allow_redirects?: "always" | "never" } | undefined;
  if (types && apm?.enabled)
    throw invalidRequest(
      `You may only specify one of these parameters: automatic_payment_methods, ${p.payment_method_types ? "payment_method_types" : "allowed_payment_method_types"}.`,
      { param: "automatic_payment_methods", code: "parameters_exclusive" },
    );
  if (types) {
    si.allowed_payment_method_types = types as Si["allowed_payment_method_types"];
    si.payment_method_types = types;
    si.automatic_payment_methods = null;
  } else if (creating || apm) {
    if (apm && apm.enabled === false)
      throw invalidRequest(
        "Name the payment method types in `allowed_payment_method_types`, or set `automatic_payment_methods[enabled]=true`.",
        { param: "allowed_payment_method_types", code: "parameter_missing" },
      );
    // No types named: the Dashboard's payment methods, here us_bank_account [guess: the sandbox's only type].
    si.allowed_payment_method_types = null;
    si.payment_method_types = ["us_bank_account"];
    si.automatic_payment_methods = {
      allow_redirects: apm?.allow_redirects ?? "always",
      enabled: true,
    } as Si["automatic_payment_methods"];
  }
}

function emit(ctx: Ctx, type: string, si: Si): void {
  emitEvent(ctx, type, si as unknown as Json);
}

function save(ctx: Ctx, row: SiRow): Si {
  ctx.tx.put(SIS, row.data.id, row);
  return row.data;
}

/** Attaches a PM and moves to `requires_action` (microdeposits sent), like confirming with bank details on Stripe. */
function confirm(ctx: Ctx, row: SiRow, p: Json): Si {
  const si = row.data;
  if (si.status !== "requires_payment_method" && si.status !== "requires_confirmation")
    throw invalidRequest(`You cannot confirm this SetupIntent because it has a status of ${si.status}.`, {
      code: "setup_intent_unexpected_state",
    });
  let pm: PmRow | null = null;
  if (p.payment_method_data) pm = createPm(ctx, p.payment_method_data as Json);
  else if (p.payment_method) pm = loadPm(ctx, String(p.payment_method), "payment_method");
  else if (si.payment_method) pm = loadPm(ctx, String(si.payment_method), "payment_method");
  if (!pm)
    throw invalidRequest("You must provide a payment_method or payment_method_data to confirm this SetupIntent.", {
      param: "payment_method",
      code: "parameter_missing",
    });
  if (!p.mandate_data && !si.mandate)
    throw invalidRequest(
      "A mandate is required for us_bank_account: pass `mandate_data[customer_acceptance]` when confirming.",
      { param: "mandate_data", code: "parameter_missing" },
    );
  const confirmTypes = namedTypes(p);
  if (confirmTypes) {
    si.allowed_payment_method_types = confirmTypes as Si["allowed_payment_method_types"];
    si.payment_method_types = confirmTypes;
    si.automatic_payment_methods = null;
  }
  if (p.return_url) row.extra.return_url = String(p.return_url);
  if (
    si.automatic_payment_methods?.enabled &&
    si.automatic_payment_methods.allow_redirects !== "never" &&
    !row.extra.return_url
  ) {
    throw invalidRequest(RETURN_URL_REQUIRED, { param: "return_url", code: "parameter_missing" });
  }
  si.payment_method = pm.data.id;
  si.mandate = si.mandate ?? ctx.id("mandate");
  si.status = "requires_action";
  const arrival = ctx.now + 86400;
  si.next_action = {
    type: "verify_with_microdeposits",
    verify_with_microdeposits: {
      arrival_date: arrival,
      hosted_verification_url: `${ctx.origin}/_sandbox/microdeposits/${si.id}`,
      microdeposit_type: "descriptor_code",
    },
  } as Stripe.SetupIntent.NextAction;
  save(ctx, row);
  emit(ctx, "setup_intent.requires_action", si);
  return si;
}

function fail(ctx: Ctx, row: SiRow, code: string, message: string): never {
  // Out of attempts or expired: Stripe detaches the bank account and asks for a new one.
  row.data.status = "requires_payment_method";
  row.data.next_action = null;
  row.data.last_setup_error = { code, message, type: "invalid_request_error" } as Stripe.SetupIntent.LastSetupError;
  save(ctx, row);
  emit(ctx, "setup_intent.setup_failed", row.data);
  throw new ApiError(400, { type: "invalid_request_error", code, message }, false, true);
}

function verify(ctx: Ctx): Si {
  const row = structuredClone(ownedRow(ctx, SIS, ctx.path.id ?? "", "setup_intent")) as SiRow;
  const si = row.data;
  if (si.status !== "requires_action" || si.next_action?.type !== "verify_with_microdeposits")
    throw invalidRequest(`This SetupIntent has a status of ${si.status} and does not need microdeposit verification.`, {
      code: "setup_intent_unexpected_state",
    });
  const code = ctx.params.descriptor_code as string | undefined;
  const amounts = ctx.params.amounts as number[] | undefined;
  if (!code && !amounts)
    throw invalidRequest("Pass either `descriptor_code` or `amounts` to verify the microdeposits.", {
      code: "parameter_missing",
      param: "descriptor_code",
    });
  const key = code ?? (amounts ?? []).join(",");
  // Stripe's test values: SM11AA / [32,45] succeed, SM33CC / [10,11] exhaust attempts, SM44DD / [40,41] time out. [guess for the failures]
  if (key === "SM33CC" || key === "10,11")
    fail(
      ctx,
      row,
      "payment_method_microdeposit_verification_attempts_exceeded",
      "You have exceeded the number of allowed verification attempts. Collect the bank account again with a new SetupIntent.",
    );
  if (key === "SM44DD" || key === "40,41")
    fail(
      ctx,
      row,
      "payment_method_microdeposit_verification_timeout",
      "Microdeposit verification timed out: the account was not verified within 10 days. Collect the bank account again.",
    );
  if (key !== "SM11AA" && key !== "32,45") {
    row.extra.attempts += 1;
    if (row.extra.attempts >= 10)
      fail(
        ctx,
        row,
        "payment_method_microdeposit_verification_attempts_exceeded",
        "You have exceeded the number of allowed verification attempts. Collect the bank account again with a new SetupIntent.",
      );
    save(ctx, row);
    const which = code ? "descriptor_code_mismatch" : "amounts_mismatch";
    throw new ApiError(
      400,
      {
        type: "invalid_request_error",
        code: `payment_method_microdeposit_verification_${which}`,
        param: code ? "descriptor_code" : "amounts",
        message: code
          ? `The descriptor code ${code} does not match the one in the microdeposit's statement descriptor (starts with SM). ${10 - row.extra.attempts} attempts left.`
          : `The amounts do not match the microdeposit amounts. ${10 - row.extra.attempts} attempts left.`,
      },
      false,
      true,
    );
  }
  si.status = "succeeded";
  si.next_action = null;
  const pm = structuredClone(ctx.tx.get(PMS, String(si.payment_method))) as PmRow;
  pm.extra.verified = true;
  pm.extra.attached_to_self = pm.extra.attached_to_self || si.attach_to_self === true;
  pm.extra.flow_directions = Array.from(
    new Set([...pm.extra.flow_directions, ...(si.flow_directions ?? ["inbound", "outbound"])]),
  );
  ctx.tx.put(PMS, pm.data.id, pm);
  save(ctx, row);
  emit(ctx, "setup_intent.succeeded", si);
  return si;
}

/** Changes a SetupIntent before it is confirmed (payment method types, payment method, details). */
function update(ctx: Ctx): Si {
  const row = structuredClone(ownedRow(ctx, SIS, ctx.path.id ?? "", "setup_intent")) as SiRow;
  const si = row.data;
  const p = ctx.params;
  if (si.status !== "requires_payment_method" && si.status !== "requires_confirmation")
    throw invalidRequest(`You cannot update this SetupIntent because it has a status of ${si.status}.`, {
      code: "setup_intent_unexpected_state",
    });
  if (p.attach_to_self && (p.customer ?? si.customer))
    throw invalidRequest("You cannot set both `attach_to_self` and `customer`.", { param: "attach_to_self" });
  applyTypes(si, p, false);
  if (p.attach_to_self !== undefined) si.attach_to_self = p.attach_to_self as boolean;
  if (p.customer !== undefined) si.customer = p.customer as string;
  if (p.description !== undefined) si.description = (p.description as string | null) ?? null;
  if (p.flow_directions !== undefined) si.flow_directions = p.flow_directions as Si["flow_directions"];
  if (p.metadata !== undefined) si.metadata = mergeMetadata(si.metadata ?? {}, p.metadata);
  if (p.payment_method_data) si.payment_method = createPm(ctx, p.payment_method_data as Json).data.id;
  else if (p.payment_method) si.payment_method = loadPm(ctx, String(p.payment_method), "payment_method").data.id;
  if (si.payment_method) si.status = "requires_confirmation";
  return save(ctx, row);
}

export function registerSetupIntentRoutes(kernel: Kernel): void {
  kernel.router.add(
    {
      method: "POST",
      path: "/v1/setup_intents",
      handler: (ctx) => {
        const p = ctx.params;
        if (p.attach_to_self && p.customer)
          throw invalidRequest("You cannot set both `attach_to_self` and `customer`.", { param: "attach_to_self" });
        if (p.return_url && !p.confirm)
          throw invalidRequest("You can only pass `return_url` when `confirm=true`.", { param: "return_url" });
        const id = ctx.id("seti");
        const si = {
          id,
          object: "setup_intent",
          allowed_payment_method_types: (p.allowed_payment_method_types as string[] | undefined) ?? null,
          application: null,
          attach_to_self: (p.attach_to_self as boolean | undefined) ?? false,
          automatic_payment_methods: null,
          cancellation_reason: null,
          client_secret: `${id}_secret_${randomToken(ctx.tx, 24)}`,
          created: ctx.now,
          customer: (p.customer as string | undefined) ?? null,
          description: (p.description as string | undefined) ?? null,
          excluded_payment_method_types: (p.excluded_payment_method_types as string[] | undefined) ?? null,
          flow_directions: (p.flow_directions as Stripe.SetupIntent.FlowDirection[] | undefined) ?? null,
          last_setup_error: null,
          latest_attempt: null,
          livemode: false,
          mandate: null,
          metadata: p.metadata ?? {},
          next_action: null,
          on_behalf_of: null,
          payment_method: (p.payment_method as string | undefined) ?? null,
          payment_method_configuration_details: null,
          payment_method_options: { us_bank_account: { mandate_options: {}, verification_method: "automatic" } },
          payment_method_types: [],
          single_use_mandate: null,
          status: p.payment_method ? "requires_confirmation" : "requires_payment_method",
          usage: (p.usage as string | undefined) ?? "off_session",
        } as unknown as Si;
        applyTypes(si, p, true);
        const row: SiRow = {
          owner: ctx.account,
          data: si,
          extra: { attempts: 0, return_url: (p.return_url as string | undefined) ?? null },
        };
        save(ctx, row);
        emit(ctx, "setup_intent.created", si);
        if (p.confirm) return confirm(ctx, row, p);
        if (p.payment_method_data) {
          si.payment_method = createPm(ctx, p.payment_method_data as Json).data.id;
          si.status = "requires_confirmation";
          save(ctx, row);
        }
        return si;
      },
    },
    {
      method: "GET",
      path: "/v1/setup_intents/:id",
      handler: (ctx) => ownedRow<Si>(ctx, SIS, ctx.path.id ?? "", "setup_intent").data,
    },
    { method: "POST", path: "/v1/setup_intents/:id", handler: update },
    {
      method: "POST",
      path: "/v1/setup_intents/:id/confirm",
      handler: (ctx) =>
        confirm(ctx, structuredClone(ownedRow(ctx, SIS, ctx.path.id ?? "", "setup_intent")) as SiRow, ctx.params),
    },
    { method: "POST", path: "/v1/setup_intents/:id/verify_microdeposits", handler: verify },
    {
      method: "POST",
      path: "/v1/setup_intents/:id/cancel",
      handler: (ctx) => {
        const row = structuredClone(ownedRow(ctx, SIS, ctx.path.id ?? "", "setup_intent")) as SiRow;
        if (row.data.status === "succeeded" || row.data.status === "canceled")
          throw invalidRequest(`You cannot cancel this SetupIntent because it has a status of ${row.data.status}.`, {
            code: "setup_intent_unexpected_state",
          });
        row.data.status = "canceled";
        row.data.next_action = null;
        row.data.cancellation_reason =
          (ctx.params.cancellation_reason as Stripe.SetupIntent.CancellationReason | undefined) ?? null;
        save(ctx, row);
        emit(ctx, "setup_intent.canceled", row.data);
        return row.data;
      },
    },
  );
}
