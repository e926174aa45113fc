CREATE TABLE "issuing_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"card_id" text NOT NULL,
	"status" text NOT NULL,
	"wallet_provider" text,
	"device_type" text,
	"last4" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_schedules" (
	"card_id" text PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"cancel_at" timestamp with time zone NOT NULL,
	"canceled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "cardholder_id" text;--> statement-breakpoint
ALTER TABLE "authorizations" ADD COLUMN "request_history" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "authorizations" ADD COLUMN "verification_data" jsonb;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "shipping" jsonb;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "replacement_for" text;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "replacement_reason" text;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "personalization_design" text;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "latest_fraud_warning" jsonb;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "cancel_after_payments" integer;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "card_id" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "evidence" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "business_invites" ADD COLUMN "cardholder_id" text;--> statement-breakpoint
ALTER TABLE "card_schedules" ADD CONSTRAINT "card_schedules_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_schedules" ADD CONSTRAINT "card_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issuing_tokens_card_idx" ON "issuing_tokens" USING btree ("card_id","object_created_at");--> statement-breakpoint
CREATE INDEX "card_schedules_due_idx" ON "card_schedules" USING btree ("cancel_at");--> statement-breakpoint
CREATE INDEX "cards_replacement_for_idx" ON "cards" USING btree ("replacement_for");--> statement-breakpoint
CREATE INDEX "disputes_transaction_idx" ON "disputes" USING btree ("transaction_id");