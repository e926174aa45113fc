import type { Kernel } from "../kernel";
import { registerResources } from "../resources";
import { Router } from "../wire/router";

/** The routes the sandbox serves, read from its own router (nothing is started). */
export function servedRoutes(): Array<{ method: string; path: string }> {
  const router = new Router(() => ({ sdk: "", params: { t: "any" }, returns: { t: "any" } }));
  const stub = {
    router,
    expanders: new Map(),
    fieldExpanders: new Map(),
    onCommitted: [],
    onStart: [],
    accountPending: [],
    accountChanged: [],
    scopedKeys: [],
  } as unknown as Kernel;
  registerResources(stub);
  return router.list().map((r) => ({ method: r.method, path: r.path }));
}
