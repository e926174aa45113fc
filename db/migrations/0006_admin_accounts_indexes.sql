CREATE INDEX "businesses_lower_name_idx" ON "businesses" USING btree (lower("legal_name"));--> statement-breakpoint
CREATE INDEX "businesses_lower_name_pattern_idx" ON "businesses" USING btree (lower("legal_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "businesses_lower_email_pattern_idx" ON "businesses" USING btree (lower("contact_email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "businesses_created_idx" ON "businesses" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "businesses_country_idx" ON "businesses" USING btree ("country","funding_model");--> statement-breakpoint
CREATE INDEX "connected_accounts_needs_review_idx" ON "connected_accounts" USING btree ("id") WHERE "connected_accounts"."requirements_due" <> '[]'::jsonb or "connected_accounts"."requirements_past_due" <> '[]'::jsonb or "connected_accounts"."disabled_reason" is not null;--> statement-breakpoint
CREATE INDEX "connected_accounts_restricted_idx" ON "connected_accounts" USING btree ("id") WHERE "connected_accounts"."disabled_reason" is not null;--> statement-breakpoint
CREATE INDEX "connected_accounts_lower_email_pattern_idx" ON "connected_accounts" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "connected_accounts_deadline_idx" ON "connected_accounts" USING btree ("requirements_deadline");