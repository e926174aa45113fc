import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import {
  approvalsByCardSince,
  correctDecision,
  decisionsForEvents,
  insertDecisions,
  lockCards,
  type NewDecision,
} from "@/db/queries/authorization-decisions";
import { eventRow, insertEvents, type EventRow } from "@/db/queries/events";
import type { AuthorizationDecisionRow } from "@/db/schema";
import type { Decision } from "./engine";

const HOUR_MS = 60 * 60 * 1000;
// A fallback answered while the database failed is logged when it is back: retried this often, this many times.
const FALLBACK_RETRY_MS = 250;
const MAX_FALLBACK_ATTEMPTS = 240;
// The request events themselves reach the event log after the answer, in batches of up to this many.
const MAX_EVENT_BATCH = 500;

export type FallbackDecision = { approved: boolean; decidedBy: "fallback"; rule: null; reason: string };
export type LoggedDecision = Pick<AuthorizationDecisionRow, "approved" | "decidedBy" | "rule" | "reason" | "latencyMs">;
export type LogOutcome = { approved: boolean; decision: LoggedDecision };

/** What a decision needs from the log: the facts of the request, and how to decide it once the card's count is known. */
export type DecisionRequest = {
  event: Stripe.Event;
  now: Date;
  startedAt: number;
  /** The decision row without its outcome. */
  row: Omit<NewDecision, "approved" | "decidedBy" | "rule" | "reason" | "latencyMs">;
  /** Decides with the card's approvals of the last hour; null for an answer already fixed (a fallback). */
  decide: ((approvalsLastHour: number) => Decision) | null;
  /** The card whose approvals the rules count, or null when no velocity rule applies. */
  velocityCard: string | null;
  fixed?: FallbackDecision;
  attempts?: number;
};

type Pending = DecisionRequest & {
  state: "queued" | "writing" | "logged" | "failed";
  /** The fallback that was answered instead of waiting for this write. */
  answered: FallbackDecision | null;
  outcome: LogOutcome | null;
  done: Promise<LogOutcome>;
  resolve(o: LogOutcome): void;
  reject(e: unknown): void;
};

export type DecisionTicket = { done: Promise<LogOutcome> };

/**
 * Group commit for real-time decisions. Each request is decided and logged inside one
 * transaction shared with the other requests waiting at that moment (a batch goes when the
 * previous one commits, after at most `maxWaitMs`, or at `maxBatch` rows), and its answer
 * leaves only after that commit: an answered decision is never missing from the log.
 *
 * The velocity rule is decided here too: the batch's cards are locked for the transaction
 * (advisory locks, so another app instance deciding for the same card waits) and their
 * approvals of the last hour are counted in one query, then each request is decided in
 * arrival order. So N approvals per card per hour holds across instances, without a query
 * per decision.
 *
 * What must be durable before the answer is the decision (its row names the event, the card, the
 * amount and the outcome). The request event's full payload goes to the event log just after the
 * answers, in its own batches (`archive`): storing kilobytes of JSON per request inside the batch
 * would cost more than everything else in it.
 */
export class DecisionLog {
  private queue: Pending[] = [];
  private writing = false;
  private timer: NodeJS.Timeout | null = null;
  private events: { row: EventRow; attempts: number }[] = [];
  private archiving = false;

  constructor(
    private readonly db: DbOrTx,
    private readonly opts = { maxWaitMs: 2, maxBatch: 200 },
  ) {}

  submit(request: DecisionRequest): DecisionTicket {
    let resolve!: (o: LogOutcome) => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<LogOutcome>((res, rej) => ((resolve = res), (reject = rej)));
    // A caller may stop waiting (its budget ran out); a failed write must not become an unhandled rejection.
    done.catch(() => {});
    const pending: Pending = { ...request, state: "queued", answered: null, outcome: null, done, resolve, reject };
    this.queue.push(pending);
    this.schedule();
    return pending;
  }

  /**
   * The caller answered `fallback` instead of waiting for this ticket: a queued request is
   * logged as the fallback, one already being written is corrected after its commit, and one
   * whose write failed is submitted again as the fallback. Resolves once the fallback is logged.
   */
  settleAsFallback(ticket: DecisionTicket, fallback: FallbackDecision): Promise<unknown> {
    const p = ticket as Pending;
    p.answered = fallback;
    if (p.state === "queued") {
      p.decide = null;
      p.fixed = fallback;
      return p.done;
    }
    if (p.state === "failed") {
      const { event, now, startedAt, row } = p;
      return this.submit({ event, now, startedAt, row, decide: null, velocityCard: null, fixed: fallback }).done;
    }
    if (p.state === "logged") return this.correct(p);
    return p.done;
  }

  private schedule(): void {
    if (this.writing) return; // the batch after the one being written picks it up
    if (this.queue.length >= this.opts.maxBatch) void this.drain();
    else this.timer ??= setTimeout(() => void this.drain(), this.opts.maxWaitMs);
  }

  private async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length) await this.write(this.queue.splice(0, this.opts.maxBatch));
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    for (const p of batch) p.state = "writing";
    let rows: NewDecision[];
    let previous = new Map<string, AuthorizationDecisionRow>();
    try {
      rows = await this.db.transaction(async (tx) => {
        const decided = await this.decideBatch(tx, batch);
        const fresh = await insertDecisions(tx, decided);
        const redelivered = decided.filter((r) => !fresh.has(r.eventId)).map((r) => r.eventId);
        previous = new Map((await decisionsForEvents(tx, redelivered)).map((r) => [r.eventId, r]));
        return decided;
      });
    } catch (err) {
      for (const p of batch) {
        // A fallback was answered already: keep trying to log it (the database may be back soon).
        if (!p.decide && (p.attempts ?? 0) < MAX_FALLBACK_ATTEMPTS) {
          p.attempts = (p.attempts ?? 0) + 1;
          p.state = "queued";
          setTimeout(() => (this.queue.push(p), this.schedule()), FALLBACK_RETRY_MS).unref();
          continue;
        }
        p.state = "failed";
        p.reject(err);
      }
      return;
    }
    batch.forEach((p, i) => {
      const row = rows[i]!;
      const logged = previous.get(row.eventId) ?? row;
      p.state = "logged";
      p.outcome = { approved: logged.approved, decision: pick(logged) };
      p.resolve(p.outcome);
      // Answered as a fallback while this write was under way: the log must say what was answered.
      if (p.answered && !previous.has(row.eventId)) void this.correct(p);
    });
    for (const p of batch) this.events.push({ row: eventRow(p.event, p.now), attempts: 0 });
    void this.archive();
  }

  /** Stores the answered requests' events in the event log; a failed batch is retried like a fallback's log write. */
  private async archive(): Promise<void> {
    if (this.archiving) return;
    this.archiving = true;
    try {
      while (this.events.length) {
        const batch = this.events.splice(0, MAX_EVENT_BATCH);
        try {
          await insertEvents(
            this.db,
            batch.map((e) => e.row),
          );
        } catch (err) {
          const again = batch.filter((e) => ++e.attempts < MAX_FALLBACK_ATTEMPTS);
          if (again.length < batch.length) console.error("could not store authorization request events", err);
          setTimeout(() => (this.events.push(...again), void this.archive()), FALLBACK_RETRY_MS).unref();
        }
      }
    } finally {
      this.archiving = false;
    }
  }

  /** Each request's outcome, in arrival order, with its card's approvals counted under the card's lock. */
  private async decideBatch(tx: DbOrTx, batch: Pending[]): Promise<NewDecision[]> {
    const cards = [...new Set(batch.filter((p) => p.decide && p.velocityCard).map((p) => p.velocityCard!))];
    let counts = new Map<string, number>();
    if (cards.length) {
      // The window starts an hour before the batch's earliest request (requests of a batch are milliseconds apart).
      const earliest = Math.min(...batch.map((p) => p.now.getTime()));
      // Sent together, in this order, on the transaction's connection: the database runs the count
      // only once the locks are held, and with its own snapshot, so it sees every approval
      // committed by whoever held them before. One round trip instead of two.
      [, counts] = await Promise.all([
        lockCards(tx, cards),
        approvalsByCardSince(tx, { cardIds: cards, since: new Date(earliest - HOUR_MS) }),
      ]);
    }
    return batch.map((p) => {
      const latencyMs = Math.round(performance.now() - p.startedAt);
      if (!p.decide) return { ...p.row, ...p.fixed!, latencyMs };
      const card = p.velocityCard;
      const decision = p.decide(card ? (counts.get(card) ?? 0) : 0);
      if (card && decision.approved) counts.set(card, (counts.get(card) ?? 0) + 1);
      return { ...p.row, ...decision, latencyMs };
    });
  }

  private async correct(p: Pending): Promise<void> {
    const fallback = p.answered!;
    if (p.outcome?.approved === fallback.approved && p.outcome.decision.decidedBy === "fallback") return;
    const latencyMs = Math.round(performance.now() - p.startedAt);
    try {
      await correctDecision(this.db, { eventId: p.event.id }, { ...fallback, latencyMs });
    } catch (err) {
      console.error("could not record the fallback answered for", p.event.id, err);
    }
  }
}

function pick(row: NewDecision): LoggedDecision {
  return {
    approved: row.approved,
    decidedBy: row.decidedBy,
    rule: row.rule ?? null,
    reason: row.reason,
    latencyMs: row.latencyMs,
  };
}

const logs = new WeakMap<object, DecisionLog>();
/** One log per database handle: an app instance's decisions share its batches. */
export function decisionLogFor(db: DbOrTx): DecisionLog {
  let log = logs.get(db);
  if (!log) logs.set(db, (log = new DecisionLog(db)));
  return log;
}
