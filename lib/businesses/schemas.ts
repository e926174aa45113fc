import { z } from "zod";
import { SUPPORTED_COUNTRIES, type SupportedCountry } from "./countries";

const COUNTRY_CODES = SUPPORTED_COUNTRIES.map((c) => c.code) as [SupportedCountry, ...SupportedCountry[]];

export const newBusinessSchema = z.object({
  legalName: z
    .string({ error: "Enter the legal name" })
    .refine((s) => !s.includes("\u0000"), { error: "Remove the NUL character" })
    .transform((s) => s.trim())
    .pipe(z.string().min(2, { error: "Enter the legal name" }).max(120, { error: "Use at most 120 characters" })),
  country: z.enum(COUNTRY_CODES, { error: "Choose a country" }),
  businessType: z.enum(["company", "individual", "non_profit"], { error: "Choose a business type" }),
});

export type NewBusinessInput = z.infer<typeof newBusinessSchema>;
