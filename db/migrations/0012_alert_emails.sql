ALTER TABLE "users" ADD COLUMN "email_alerts_off" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "business_id" uuid;