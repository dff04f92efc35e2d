// Measures what the emulator received: rates in windows, gaps per chat, duplicates.
import { setTimeout as sleep } from "node:timers/promises";

/** The most timestamps that fall in any half-open window [t, t + windowMs). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** The shortest time between two messages to the same chat (Infinity if none got two). */
export function shortestGapPerChat(receipts: readonly { chatId: number; time: number }[]): number {
  const byChat = new Map<number, number[]>();
  for (const r of receipts) byChat.set(r.chatId, [...(byChat.get(r.chatId) ?? []), r.time]);
  let shortest = Number.POSITIVE_INFINITY;
  for (const times of byChat.values()) {
    const sorted = times.sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      shortest = Math.min(shortest, (sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
    }
  }
  return shortest;
}

/** Texts seen more than once. */
export function duplicates(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const text of texts) (seen.has(text) ? twice : seen).add(text);
  return [...twice];
}

/** Polls until the condition holds; throws after the timeout. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = "the condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
