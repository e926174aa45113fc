CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"kind" text NOT NULL,
	"account" text,
	"object_id" text,
	"event_created_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "authorizations" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"card_id" text NOT NULL,
	"cardholder_id" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"merchant_amount" bigint NOT NULL,
	"merchant_currency" text NOT NULL,
	"merchant_name" text,
	"merchant_category" text,
	"merchant_country" text,
	"status" text NOT NULL,
	"approved" boolean NOT NULL,
	"decline_reason" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cardholders" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"requirements_past_due" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disabled_reason" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"cardholder_id" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"brand" text,
	"last4" text NOT NULL,
	"exp_month" integer NOT NULL,
	"exp_year" integer NOT NULL,
	"currency" text NOT NULL,
	"financial_account" text,
	"spending_controls" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connected_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" uuid,
	"api" text NOT NULL,
	"country" text,
	"email" text,
	"display_name" text,
	"capabilities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requirements_due" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requirements_past_due" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requirements_deadline" timestamp with time zone,
	"disabled_reason" text,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"transaction_id" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financial_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"api" text NOT NULL,
	"status" text NOT NULL,
	"balances" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issuing_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"card_id" text NOT NULL,
	"authorization_id" text,
	"type" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"merchant_name" text,
	"merchant_category" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"financial_account" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"flow_type" text NOT NULL,
	"status" text NOT NULL,
	"description" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"financial_account" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"destination" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"source_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "authorization_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" text NOT NULL,
	"authorization_id" text NOT NULL,
	"account_id" text,
	"business_id" uuid,
	"card_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"merchant_category" text,
	"merchant_country" text,
	"approved" boolean NOT NULL,
	"decided_by" text NOT NULL,
	"rule" text,
	"reason" text NOT NULL,
	"latency_ms" integer NOT NULL,
	"input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "authorization_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid,
	"blocked_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_countries" jsonb,
	"max_amount" bigint,
	"currency" text DEFAULT 'usd' NOT NULL,
	"velocity_per_hour" integer,
	"kill_switch" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"fallback" text DEFAULT 'decline' NOT NULL,
	"budget_ms" integer DEFAULT 1200 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connected_accounts" ADD CONSTRAINT "connected_accounts_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorization_rules" ADD CONSTRAINT "authorization_rules_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorization_rules" ADD CONSTRAINT "authorization_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_events_type_created_idx" ON "stripe_events" USING btree ("type","event_created_at");--> statement-breakpoint
CREATE INDEX "stripe_events_account_created_idx" ON "stripe_events" USING btree ("account","event_created_at");--> statement-breakpoint
CREATE INDEX "stripe_events_received_idx" ON "stripe_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "authorizations_account_idx" ON "authorizations" USING btree ("account_id","object_created_at");--> statement-breakpoint
CREATE INDEX "authorizations_card_idx" ON "authorizations" USING btree ("card_id","object_created_at");--> statement-breakpoint
CREATE INDEX "cardholders_account_idx" ON "cardholders" USING btree ("account_id","object_created_at");--> statement-breakpoint
CREATE INDEX "cards_account_idx" ON "cards" USING btree ("account_id","object_created_at");--> statement-breakpoint
CREATE INDEX "cards_cardholder_idx" ON "cards" USING btree ("cardholder_id");--> statement-breakpoint
CREATE INDEX "connected_accounts_business_idx" ON "connected_accounts" USING btree ("business_id");--> statement-breakpoint
CREATE INDEX "disputes_account_idx" ON "disputes" USING btree ("account_id","object_created_at");--> statement-breakpoint
CREATE INDEX "financial_accounts_account_idx" ON "financial_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "issuing_transactions_account_idx" ON "issuing_transactions" USING btree ("account_id","object_created_at");--> statement-breakpoint
CREATE INDEX "issuing_transactions_card_idx" ON "issuing_transactions" USING btree ("card_id");--> statement-breakpoint
CREATE INDEX "money_transactions_fa_idx" ON "money_transactions" USING btree ("financial_account","object_created_at");--> statement-breakpoint
CREATE INDEX "money_transactions_account_idx" ON "money_transactions" USING btree ("account_id","object_created_at");--> statement-breakpoint
CREATE INDEX "payouts_account_idx" ON "payouts" USING btree ("account_id","object_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "authorization_decisions_event_key" ON "authorization_decisions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "authorization_decisions_card_created_idx" ON "authorization_decisions" USING btree ("card_id","created_at");--> statement-breakpoint
CREATE INDEX "authorization_decisions_authorization_idx" ON "authorization_decisions" USING btree ("authorization_id");--> statement-breakpoint
CREATE INDEX "authorization_decisions_business_created_idx" ON "authorization_decisions" USING btree ("business_id","created_at");--> statement-breakpoint
CREATE INDEX "authorization_decisions_created_idx" ON "authorization_decisions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "authorization_rules_business_key" ON "authorization_rules" USING btree ("business_id");--> statement-breakpoint
CREATE UNIQUE INDEX "authorization_rules_platform_key" ON "authorization_rules" USING btree ((1)) WHERE "authorization_rules"."business_id" is null;