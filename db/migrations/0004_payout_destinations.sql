CREATE TABLE "payout_destinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"network" text,
	"address" text NOT NULL,
	"memo" text,
	"currency" text NOT NULL,
	"bank_country" text,
	"payout_method_id" text NOT NULL,
	"created_by" uuid,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payout_destinations" ADD CONSTRAINT "payout_destinations_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_destinations" ADD CONSTRAINT "payout_destinations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_destinations_method_key" ON "payout_destinations" USING btree ("business_id","payout_method_id");--> statement-breakpoint
CREATE INDEX "payout_destinations_business_idx" ON "payout_destinations" USING btree ("business_id","created_at");