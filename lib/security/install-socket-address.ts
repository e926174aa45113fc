import * as http from "node:http";
import { installSocketAddress } from "./socket-address";

/** For `instrumentation.ts` (Node.js runtime only): see `installSocketAddress`. */
export function installSocketAddressGuard(): boolean {
  return installSocketAddress(http);
}
