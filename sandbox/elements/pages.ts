import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import type { Kernel } from "../kernel";
import { parseForm } from "../wire/form";
import { systemCtx } from "../wire/system-ctx";
import { LINKS, type LinkState } from "../resources/account-links";
import { cloneRow, loadAccount, saveAccount } from "../resources/accounts/store";
import { applyParams, requestedCapabilities } from "../resources/accounts/model";
import { dueForAccount } from "../resources/accounts/requirements";
import { fieldsFor, FIELDS, toAccountParams, validate } from "./onboarding-form";
import { renderPage } from "./onboarding-html";

const PATH = /^\/setup\/s\/(acct_[A-Za-z0-9]+)\/([A-Za-z0-9]+)$/;

export function isPagePath(pathname: string): boolean {
  return pathname.startsWith("/setup/");
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location, "content-length": 0 });
  res.end();
}

/** Requirements the page collects: everything eventually due, or everything for an update link. */
function dueFor(
  account: Stripe.Account,
  link: LinkState,
  requested: ReturnType<typeof requestedCapabilities>,
): string[] {
  const due = dueForAccount(account, requested);
  if (due.includes("business_type")) {
    // Without a business type yet, offer both sets of fields; the chosen type decides which are checked.
    const as = (business_type: string) => dueForAccount({ ...account, business_type } as Stripe.Account, requested);
    return Array.from(new Set([...due, ...as("individual"), ...as("company")]));
  }
  if (due.length || link.type === "account_onboarding") return due;
  return Array.from(new Set(FIELDS.flatMap((f) => f.covers)));
}

/**
 * The page an Account Link opens: a real form that fills the account's requirements.
 * Opening it uses the link up (a second visit goes to `refresh_url`, as on Stripe); a valid
 * submission updates the account and redirects to `return_url`.
 */
export async function handlePage(req: IncomingMessage, res: ServerResponse, kernel: Kernel): Promise<void> {
  const m = PATH.exec((req.url ?? "").split("?")[0] ?? "");
  const linkRow = m ? kernel.store.get<LinkState>(LINKS, m[2] ?? "") : undefined;
  if (!m || !linkRow || linkRow.data.account !== m[1])
    return html(res, 404, renderPage({ title: "Link not found", message: "This onboarding link does not exist." }));
  const link = linkRow.data;
  const method = req.method ?? "GET";
  const expired = kernel.clock.now() > link.expires_at;
  const spent = method === "GET" ? link.state !== "new" : link.state !== "opened";
  if (expired || spent) {
    if (link.refresh_url) return redirect(res, 302, link.refresh_url);
    return html(
      res,
      410,
      renderPage({
        title: "Link expired",
        message: "This onboarding link has expired or was already used. Ask the platform for a new one.",
      }),
    );
  }
  const token = m[2] ?? "";
  const { ctx, commit } = systemCtx(kernel, kernel.store.begin(), `http://${req.headers.host ?? "127.0.0.1"}`);
  const row = loadAccount(ctx, link.account);
  if (!row)
    return html(
      res,
      404,
      renderPage({ title: "Account not found", message: "The account for this link no longer exists." }),
    );
  const due = dueFor(row.data, link, requestedCapabilities(row.extra));
  const country = row.data.country ?? "US";

  if (method === "GET") {
    ctx.tx.put<LinkState>(LINKS, token, { ...linkRow, data: { ...link, state: "opened" } });
    await commit();
    const fields = fieldsFor(due, row.data.business_type ?? null);
    const values = Object.fromEntries(fields.map((f) => [f.name, f.testValue(country)]));
    return html(res, 200, renderPage({ title: "Set up your account", account: row.data, fields, values, errors: {} }));
  }
  if (method !== "POST") return html(res, 405, renderPage({ title: "Not allowed", message: "Use the form." }));

  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const form = parseForm(Buffer.concat(chunks).toString("utf8"));
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string") values[k] = v;
  const chosenType = row.data.business_type ?? (values.business_type === "company" ? "company" : "individual");
  const fields = fieldsFor(due, chosenType);
  const errors = validate(fields, values, country);
  if (Object.keys(errors).length) {
    return html(
      res,
      422,
      renderPage({
        title: "Set up your account",
        account: row.data,
        fields: fieldsFor(due, row.data.business_type ?? null),
        values,
        errors,
      }),
    );
  }
  const ip = req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1";
  const params = toAccountParams(values, row.data, ctx.now, ip, String(req.headers["user-agent"] ?? ""));
  const next = cloneRow(row);
  applyParams(ctx, next.data, next.extra, params);
  saveAccount(ctx, row, next);
  ctx.tx.put<LinkState>(LINKS, token, { ...linkRow, data: { ...link, state: "used" } });
  await commit();
  if (link.return_url) return redirect(res, 303, link.return_url);
  return html(
    res,
    200,
    renderPage({ title: "All set", message: "Your details were submitted. You can close this page." }),
  );
}
