/**
 * Next.js calls this once when a server instance starts: the client-address guard is installed
 * and the app's background jobs start with it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // With no trusted proxy, the client's address is its socket's, whatever X-Forwarded-For it sends.
  const { installSocketAddressGuard } = await import("./lib/security/install-socket-address");
  installSocketAddressGuard();
  if (process.env.JOBS_DISABLED === "1") return;
  const { startJobs } = await import("./lib/jobs/runner");
  startJobs();
}
