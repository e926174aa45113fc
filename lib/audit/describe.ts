/**
 * What each kind of audit row means, in words: the business's activity page and the admin's
 * account review both describe rows through this one table.
 */
type Data = Record<string, unknown>;
type Kind = { label: string; sentence: (d: Data) => string };

const text = (v: unknown, fallback: string) => (typeof v === "string" && v ? v : fallback);
const fixed = (label: string, sentence: string): Kind => ({ label, sentence: () => sentence });

const KINDS: Record<string, Kind> = {
  "business.created": fixed("Business created", "Created the business"),
  "team.invited": {
    label: "Invitation sent",
    sentence: (d) => `Invited ${text(d.email, "someone")} as ${text(d.role, "a member")}`,
  },
  "team.invite_revoked": {
    label: "Invitation revoked",
    sentence: (d) => `Revoked the invitation for ${text(d.email, "someone")}`,
  },
  "team.invite_accepted": { label: "Invitation accepted", sentence: (d) => `Joined as ${text(d.role, "a member")}` },
  "team.role_changed": {
    label: "Role changed",
    sentence: (d) => `Changed a teammate's role from ${text(d.from, "?")} to ${text(d.to, "?")}`,
  },
  "team.member_removed": fixed("Teammate removed", "Removed a teammate"),
  "rules.updated": fixed("Spending rules", "Updated the card spending rules"),
  "card.renamed": fixed("Card renamed", "Renamed a card"),
  "card.physical_ordered": fixed("Physical card ordered", "Ordered a physical card"),
  "card.created": fixed("Card created", "Created a virtual card"),
  "card_request.created": fixed("Card requested", "Asked for a new card or a higher limit"),
  "card_request.approved": fixed("Card request approved", "Approved a card request"),
  "card_request.declined": fixed("Card request declined", "Declined a card request"),
  "card_request.canceled": fixed("Card request canceled", "Withdrew their own card request"),
  "notifications.threshold_set": fixed("Low-balance alert", "Set the low-balance alert threshold"),
  "card.activated": fixed("Card activated", "Activated a delivered card"),
  "card.details_revealed": fixed("Card details shown", "Showed a card's number and PIN"),
  "card.replaced": {
    label: "Card replaced",
    sentence: (d) => `Replaced a card (${text(d.reason, "replaced")}) with a new one`,
  },
  "card.frozen_by_cardholder": fixed("Card frozen by its holder", "Froze their own card"),
  "card.unfrozen_by_cardholder": fixed("Card unfrozen by its holder", "Unfroze their own card"),
  "card.wallet_token_suspended": fixed("Wallet token suspended", "Suspended a card in a digital wallet"),
  "card.wallet_token_resumed": fixed("Wallet token resumed", "Resumed a card in a digital wallet"),
  "money.payout": fixed("Money sent", "Sent money to a bank account"),
  "money.inbound_transfer": fixed("Money pulled in", "Pulled money in from a linked bank account"),
  "bank_account.link_started": fixed("Bank account linking", "Started linking a bank account"),
  "bank_account.verified": fixed("Bank account verified", "Verified a bank account"),
  "payout_destination.created": fixed("Payout destination added", "Added a payout destination"),
  "payout_destination.archived": fixed("Payout destination archived", "Archived a payout destination"),
  "payout.created": fixed("Payout sent", "Sent a payout"),
  "payout.replayed": fixed("Payout retried", "Retried a payout"),
  "payout.sandbox_driven": fixed("Test payout moved", "Moved a test payout along in the sandbox"),
  "sandbox.purchase_simulated": fixed("Test purchase", "Simulated a card purchase"),
  "sandbox.authorization_captured": fixed("Test capture", "Captured a test authorization"),
  "sandbox.authorization_reversed": fixed("Test reversal", "Reversed a test authorization"),
  "sandbox.card_shipping": fixed("Test shipment", "Moved a test card shipment along"),
  "sandbox.wallet_token_added": fixed("Test wallet token", "Added a card to a test digital wallet"),
  "sandbox.money_received": fixed("Test money received", "Received test money"),
  "sandbox.inbound_transfer_completed": fixed("Test transfer completed", "Completed a test inbound transfer"),
  "admin.account.paused": fixed("Account paused", "Paused the account"),
  "admin.account.resumed": fixed("Account resumed", "Resumed the account"),
  "admin.account.closed": fixed("Account closed", "Closed the account"),
  "admin.account.funded": fixed("Account funded", "Funded the account from the platform"),
  "admin.account.onboarding_link_sent": fixed("Onboarding link", "Sent an onboarding link"),
  "admin.cards.frozen": fixed("Cards frozen", "Froze the business's cards"),
  "admin.cards.unfrozen": fixed("Cards unfrozen", "Unfroze the business's cards"),
  "admin.treasury.wire_simulated": fixed("Test wire", "Simulated an incoming wire"),
  "admin.treasury.account_number_revealed": fixed("Account number revealed", "Revealed the full account number"),
};

/** A short name for a kind of row (the kind filter's options); unknown kinds show as recorded. */
export function auditKindLabel(action: string): string {
  return KINDS[action]?.label ?? action;
}

/** One sentence for one row, e.g. "Invited ana@example.com as admin". */
export function describeAudit(action: string, data: Data): string {
  return KINDS[action]?.sentence(data) ?? action;
}
