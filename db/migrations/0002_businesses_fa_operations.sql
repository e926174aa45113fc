CREATE TABLE "operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid,
	"kind" text NOT NULL,
	"client_token" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"amount" bigint,
	"currency" text,
	"request" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stripe_object_id" text,
	"result" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "financial_account_id" text;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operations_client_token_key" ON "operations" USING btree ("kind","client_token");--> statement-breakpoint
CREATE INDEX "operations_business_created_idx" ON "operations" USING btree ("business_id","created_at");