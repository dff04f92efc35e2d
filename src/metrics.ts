import type { Transformer } from "grammy";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Counts messages by status; the outbox repository's depth() has this shape. */
export type OutboxDepthSource = () => Promise<Record<string, number>>;

/** How one outbox message attempt ended, as the sender reports it. */
export type OutboxSendOutcome = "sent" | "retry" | "dead";

/** Where an error was caught: a feature (the user got an apology), the platform middleware, a job. */
export type ErrorStage = "feature" | "platform" | "job";

/**
 * One process's Prometheus metrics on its own registry (not prom-client's global one, so tests
 * can build several). Served at /metrics; the names are stable, dashboards depend on them.
 */
export interface Metrics {
  readonly registry: Registry;
  /** An update went through the middleware (whatever the outcome), and how long it took. */
  updateHandled(type: string, seconds: number): void;
  /** A conversation moved one step; call it inside conversation.external so replays do not count. */
  conversationStep(conversation: string): void;
  /** The outbox sender finished one attempt to send a message. */
  outboxSend(outcome: OutboxSendOutcome): void;
  /** Telegram answered 429 Too Many Requests (counted per attempt, before any retry). */
  rateLimited(method: string): void;
  /** A failure was caught and logged. */
  errorCaught(stage: ErrorStage): void;
  /** Reads the outbox depth on every scrape from this source (main.ts wires the repository). */
  watchOutbox(source: OutboxDepthSource): void;
}

// Bot handlers are mostly database round trips: milliseconds to a few seconds.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Builds the metrics of one process, with Node's default process metrics on the same registry. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const updates = new Counter({
    name: "adaldyq_updates_handled_total",
    help: "Telegram updates handled, by update type",
    labelNames: ["type"] as const,
    registers,
  });
  const latency = new Histogram({
    name: "adaldyq_update_handler_seconds",
    help: "Time from an update entering the middleware to its handler finishing",
    labelNames: ["type"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const steps = new Counter({
    name: "adaldyq_conversation_steps_total",
    help: "Steps taken in conversations, by conversation",
    labelNames: ["conversation"] as const,
    registers,
  });
  const sends = new Counter({
    name: "adaldyq_outbox_sends_total",
    help: "Outbox send attempts by outcome (sent, retry, dead); rate() of sent is the send rate",
    labelNames: ["outcome"] as const,
    registers,
  });
  const tooMany = new Counter({
    name: "adaldyq_telegram_rate_limited_total",
    help: "Bot API calls answered 429 Too Many Requests, by method",
    labelNames: ["method"] as const,
    registers,
  });
  const errors = new Counter({
    name: "adaldyq_errors_total",
    help: "Errors caught and logged, by where they were caught",
    labelNames: ["stage"] as const,
    registers,
  });
  let outboxSource: OutboxDepthSource | undefined;
  new Gauge({
    name: "adaldyq_outbox_messages",
    help: "Outbox messages by status, read from the database on each scrape",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      if (!outboxSource) return;
      this.reset();
      // A scrape must not fail because the database blinked; the gauge is just left empty.
      const depth = await outboxSource().catch(() => undefined);
      for (const [status, count] of Object.entries(depth ?? {})) this.set({ status }, count);
    },
  });

  return {
    registry,
    updateHandled(type, seconds) {
      updates.inc({ type });
      latency.observe({ type }, seconds);
    },
    conversationStep: (conversation) => steps.inc({ conversation }),
    outboxSend: (outcome) => sends.inc({ outcome }),
    rateLimited: (method) => tooMany.inc({ method }),
    errorCaught: (stage) => errors.inc({ stage }),
    watchOutbox(source) {
      outboxSource = source;
    },
  };
}

/**
 * An API transformer that counts 429 answers on bot.api. Install it before auto-retry so every
 * attempt is seen. Conversations build their own Api without bot.api's transformers, so their
 * (rare, one chat at a time) 429s are not counted; the outbox sender, which has its own Api and
 * handles 429s itself, reports them with metrics.rateLimited.
 */
export function countRateLimits(metrics: Metrics): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429) metrics.rateLimited(method);
    return result;
  };
}
