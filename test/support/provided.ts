// What the run's global setup provided (vitest's inject), or undefined outside a test run: the
// benchmarks start bot processes with the same helpers, and vitest's inject throws there.

import type { ProvidedContext } from "vitest";
import { inject } from "vitest";

export function provided<K extends keyof ProvidedContext>(key: K): ProvidedContext[K] | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}
