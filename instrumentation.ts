/** Next.js calls this once when a server instance starts: the app's background jobs start with it. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_DISABLED === "1") return;
  const { startJobs } = await import("./lib/jobs/runner");
  startJobs();
}
