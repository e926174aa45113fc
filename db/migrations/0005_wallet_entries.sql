CREATE TABLE "wallet_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"financial_account" text NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"counter_amount" bigint,
	"counter_currency" text,
	"status" text NOT NULL,
	"flow_type" text NOT NULL,
	"flow_id" text,
	"description" text,
	"object_created_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_entries_business_created_idx" ON "wallet_entries" USING btree ("business_id","object_created_at");--> statement-breakpoint
CREATE INDEX "wallet_entries_flow_idx" ON "wallet_entries" USING btree ("flow_id");