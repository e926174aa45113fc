import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, type Business } from "@/db/schema";

export async function getBusiness(db: DbOrTx, businessId: string): Promise<Business | undefined> {
  const [b] = await db.select().from(businesses).where(eq(businesses.id, businessId)).limit(1);
  return b;
}
