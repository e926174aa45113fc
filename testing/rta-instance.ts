// One app instance's receivers as a process of their own, on the database DATABASE_URL names, so a
// test can SIGKILL it mid-load. Prints "rta instance listening on <base url>" once ready.
import { openDatabase } from "@/db/connect";
import { RulesCache } from "@/lib/rules/rules-store";
import { receiverServer, receiverSecrets } from "@/testing/receivers";
import { unreachableStripe } from "@/testing/stripe-clients";

const url = process.env.DATABASE_URL;
const label = process.env.RTA_SECRETS_LABEL;
if (!url || !label) throw new Error("DATABASE_URL and RTA_SECRETS_LABEL are required");
const database = openDatabase({ url });
const stripe = unreachableStripe();
const receivers = await receiverServer({
  db: database.db,
  stripe: () => stripe,
  secrets: receiverSecrets(label),
  rules: new RulesCache(),
});
console.log(`rta instance listening on ${receivers.base}`);
