/** Telegram's broadcast limits: about 30 messages a second overall, 1 a second to one chat. */
export interface SendLimits {
  /** Requests allowed in any window of `windowMs`. */
  perWindow: number;
  windowMs: number;
  /** Least time between the end of one request to a chat and the start of the next to it. */
  perChatIntervalMs: number;
}

export const TELEGRAM_LIMITS: SendLimits = {
  perWindow: 30,
  windowMs: 1000,
  perChatIntervalMs: 1000,
};

interface Slot {
  end: number | undefined;
}

/**
 * Decides when the next request may start. A new request waits until the request `perWindow`
 * starts back has *finished* a full window ago (and likewise the last one to the same chat). Telegram
 * counts a request somewhere between its start and its end, so measuring from the earlier one's end
 * to the later one's start keeps any window at Telegram's side within the limit, whatever the
 * network latency; the cost is throughput of perWindow / (window + latency).
 */
export class SendLimiter {
  private readonly slots: Slot[] = [];
  private readonly chats = new Map<number, Slot>();
  private pausedUntil = 0;

  constructor(readonly limits: SendLimits = TELEGRAM_LIMITS) {}

  /** The earliest time a request to the chat may start; Infinity while it waits for one in flight. */
  readyAt(chatId: number, now: number): number {
    let ready = Math.max(now, this.pausedUntil);
    const chat = this.chats.get(chatId);
    if (chat) {
      if (chat.end === undefined) return Number.POSITIVE_INFINITY;
      ready = Math.max(ready, chat.end + this.limits.perChatIntervalMs);
    }
    if (this.slots.length >= this.limits.perWindow) {
      const oldest = this.slots[this.slots.length - this.limits.perWindow];
      if (oldest?.end === undefined) return Number.POSITIVE_INFINITY;
      ready = Math.max(ready, oldest.end + this.limits.windowMs);
    }
    return ready;
  }

  /** Records a request's start; call the returned function when it ends (whatever the outcome). */
  begin(chatId: number): (endedAt: number) => void {
    const slot: Slot = { end: undefined };
    this.slots.push(slot);
    // Only the last perWindow requests matter.
    if (this.slots.length > this.limits.perWindow) this.slots.shift();
    this.chats.set(chatId, slot);
    return (endedAt) => {
      slot.end = endedAt;
    };
  }

  /** Holds every request until the given time (Telegram's 429 retry_after). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Forgets chats whose last request ended long ago (keeps the map small on big broadcasts). */
  forgetIdleChats(now: number): void {
    for (const [chatId, slot] of this.chats) {
      if (slot.end !== undefined && slot.end + this.limits.perChatIntervalMs < now) {
        this.chats.delete(chatId);
      }
    }
  }
}
