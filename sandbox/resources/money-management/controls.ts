import type { Kernel } from "../../kernel";
import type { ControlAnswer } from "../../money-controls";

export async function moneyControlsV2(kernel: Kernel, method: string, pathname: string, params: Record<string, unknown>): Promise<ControlAnswer | null> {
  void kernel; void method; void pathname; void params;
  return Promise.resolve(null);
}
