import type { IncomingMessage, ServerResponse } from "node:http";
import type { Kernel } from "../kernel";

export function isPagePath(pathname: string): boolean {
  return pathname.startsWith("/setup/");
}

export async function handlePage(_req: IncomingMessage, res: ServerResponse, _kernel: Kernel): Promise<void> {
  res.writeHead(404);
  res.end();
}
