// The catch-up search tries only the times of day a cron expression names; it must find exactly
// the minute the plain search (every minute of the window, newest first) finds.
import fc from "fast-check";
import cron from "node-cron";
import { describe, expect, it } from "vitest";
import { localDateOf } from "../../../src/domain/calendar/zone.ts";
import { type CatchUp, latestMissedSlot } from "../../../src/jobs/schedule.ts";

const MINUTE = 60_000;

/** Every minute of the window, newest first: what the search must agree with. */
function everyMinuteBack(pattern: string, now: Date, catchUp: CatchUp, zone: string) {
  const task = cron.createTask(pattern, () => undefined, { timezone: zone });
  const today = localDateOf(now, zone);
  const hours = "hours" in catchUp ? catchUp.hours : 24;
  const current = Math.floor(now.getTime() / MINUTE) * MINUTE;
  for (let at = current; at > current - hours * 60 * MINUTE; at -= MINUTE) {
    const minute = new Date(at);
    if ("until" in catchUp && localDateOf(minute, zone) !== today) return undefined;
    if (task.match(minute)) return minute;
  }
  return undefined;
}

function search(pattern: string, now: Date, catchUp: CatchUp, zone: string) {
  const task = cron.createTask(pattern, () => undefined, { timezone: zone });
  return latestMissedSlot(task, cron.parse(pattern), now, catchUp, zone);
}

const PATTERNS = [
  "30 0 * * *",
  "0 10 * * *",
  "0 10 7 * *",
  "0 12 7 * *",
  "*/15 9-10 * * 1-5",
  "45 2 * * *",
  "0,30 1-3 28-31 * *",
  "5 23 * * 0",
];
// Almaty has no daylight saving; Berlin and New York do (2:00–3:00 is skipped, then repeated).
const ZONES = ["Asia/Almaty", "Europe/Berlin", "America/New_York"];
const CATCH_UPS: CatchUp[] = [{ hours: 72 }, { hours: 5 }, { until: "endOfDay" }];

describe("latestMissedSlot", () => {
  it("finds the minute the search of every minute finds, across days, months and clock changes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATTERNS),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...CATCH_UPS),
        // Within 2026, seconds included, the days around each clock change more often.
        fc.oneof(
          fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
          fc.integer({ min: Date.UTC(2026, 2, 27), max: Date.UTC(2026, 2, 31) }),
          fc.integer({ min: Date.UTC(2026, 9, 24), max: Date.UTC(2026, 10, 3) }),
        ),
        (pattern, zone, catchUp, ms) => {
          const now = new Date(ms);
          expect(search(pattern, now, catchUp, zone)?.toISOString()).toBe(
            everyMinuteBack(pattern, now, catchUp, zone)?.toISOString(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("takes the later of a time the clocks went back over, and skips one they jumped over", () => {
    const cases: [string, string, string, string | undefined][] = [
      // Berlin, 25 October: 02:45 comes at 00:45Z (summer time), then again at 01:45Z.
      ["45 2 * * *", "Europe/Berlin", "2026-10-25T12:00:00Z", "2026-10-25T01:45:00.000Z"],
      // Between the two: the first is the latest so far.
      ["45 2 * * *", "Europe/Berlin", "2026-10-25T01:00:00Z", "2026-10-25T00:45:00.000Z"],
      // New York, 1 November: 01:30 at 05:30Z, then at 06:30Z.
      ["30 1 * * *", "America/New_York", "2026-11-01T12:00:00Z", "2026-11-01T06:30:00.000Z"],
      // Berlin, 29 March: no 02:30 that day, so the day before's.
      ["30 2 * * *", "Europe/Berlin", "2026-03-29T12:00:00Z", "2026-03-28T01:30:00.000Z"],
    ];
    for (const [pattern, zone, at, expected] of cases) {
      const now = new Date(at);
      expect(search(pattern, now, { hours: 72 }, zone)?.toISOString()).toBe(expected);
      expect(everyMinuteBack(pattern, now, { hours: 72 }, zone)?.toISOString()).toBe(expected);
    }
  });

  it("runs the night's scoring as of 00:30 Almaty and leaves a reminder day that is over", () => {
    const now = new Date("2026-11-03T09:00:00Z"); // 14:00 in Almaty
    expect(search("30 0 * * *", now, { hours: 72 }, "Asia/Almaty")?.toISOString()).toBe(
      "2026-11-02T19:30:00.000Z",
    );
    expect(search("0 10 * * *", now, { until: "endOfDay" }, "Asia/Almaty")?.toISOString()).toBe(
      "2026-11-03T05:00:00.000Z",
    );
    const early = new Date("2026-11-03T03:00:00Z"); // 08:00: today's 10:00 has not come
    expect(search("0 10 * * *", early, { until: "endOfDay" }, "Asia/Almaty")).toBeUndefined();
  });
});
