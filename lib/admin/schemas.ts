import { z } from "zod";

/** Every account action names the business it acts on; the id is checked against the database. */
export const businessIdSchema = z.object({ businessId: z.uuid({ error: "Unknown business" }) });
export type BusinessIdInput = z.output<typeof businessIdSchema>;
