import { after, before } from "node:test";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";

/** One sandbox for a test file: started before its tests, stopped after them. Call the result to reach it. */
export function sandboxForFile(env: Record<string, string> = {}): () => SandboxProcess {
  let sandbox: SandboxProcess | null = null;
  before(async () => {
    sandbox = await startSandboxProcess(env);
  });
  after(async () => {
    await sandbox?.stop();
  });
  return () => {
    if (!sandbox) throw new Error("the sandbox has not started yet");
    return sandbox;
  };
}
