import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatMonth,
  formatPeriodLabel,
  formatQuarter,
  formatYear,
  formatYearToDate,
  monthName,
  parseLocalDateTime,
} from "../../../src/domain/calendar/format.ts";
import {
  daysBetween,
  fromLocal,
  isTimeZone,
  localDateOf,
  offsetMinutesAt,
  toLocal,
} from "../../../src/domain/calendar/zone.ts";

describe("zones", () => {
  it("reads Almaty as UTC+5 all year", () => {
    expect(offsetMinutesAt(new Date("2026-01-15T00:00:00Z"), "Asia/Almaty")).toBe(300);
    expect(offsetMinutesAt(new Date("2026-07-15T00:00:00Z"), "Asia/Almaty")).toBe(300);
    expect(toLocal(new Date("2026-10-31T20:00:00Z"), "Asia/Almaty")).toEqual({
      year: 2026,
      month: 11,
      day: 1,
      hour: 1,
      minute: 0,
    });
  });

  it("follows daylight saving where the zone has it", () => {
    expect(offsetMinutesAt(new Date("2027-01-15T12:00:00Z"), "Europe/Berlin")).toBe(60);
    expect(offsetMinutesAt(new Date("2027-07-15T12:00:00Z"), "Europe/Berlin")).toBe(120);
  });

  it("turns wall-clock time into instants, moving a skipped time forward and taking the first of a repeated one", () => {
    const berlin = (year: number, month: number, day: number, hour: number, minute = 0) =>
      fromLocal({ year, month, day, hour, minute }, "Europe/Berlin").toISOString();
    expect(berlin(2027, 1, 15, 18)).toBe("2027-01-15T17:00:00.000Z");
    expect(berlin(2027, 7, 15, 18)).toBe("2027-07-15T16:00:00.000Z");
    // 28 March 2027 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00).
    expect(berlin(2027, 3, 28, 2, 30)).toBe("2027-03-28T01:30:00.000Z");
    // 31 October 2027 02:30 happens twice; the first is in summer time.
    expect(berlin(2027, 10, 31, 2, 30)).toBe("2027-10-31T00:30:00.000Z");
    expect(
      fromLocal({ year: 2026, month: 11, day: 5, hour: 18, minute: 0 }, "Asia/Almaty"),
    ).toEqual(new Date("2026-11-05T18:00:00+05:00"));
  });

  it("knows IANA zones and counts local days", () => {
    expect(isTimeZone("Asia/Almaty")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(localDateOf(new Date("2026-11-04T19:30:00Z"), "Asia/Almaty")).toBe("2026-11-05");
    expect(daysBetween("2026-11-02", "2026-11-05")).toBe(3);
    expect(daysBetween("2027-03-27", "2027-03-29")).toBe(2);
  });
});

describe("what people read", () => {
  it("names every month in both languages", () => {
    const names = (lang: "kk" | "ru") =>
      Array.from({ length: 12 }, (_, i) => monthName(i + 1, lang));
    expect(names("kk")).toEqual([
      ...["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым"],
      ...["шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
    ]);
    expect(names("ru")).toEqual([
      ...["январь", "февраль", "март", "апрель", "май", "июнь"],
      ...["июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
    ]);
  });

  it("writes months, quarters and years one way each", () => {
    expect(formatMonth("2026-10", "ru")).toBe("октябрь 2026");
    expect(formatMonth("2026-04", "kk")).toBe("2026 ж. сәуір");
    expect(formatQuarter("2026-Q4", "ru")).toBe("IV квартал 2026");
    expect(formatQuarter("2026-Q4", "kk")).toBe("2026 ж. IV тоқсан");
    expect(formatYear("2026", "ru")).toBe("2026 год");
    expect(formatYear("2026", "kk")).toBe("2026 жыл");
    expect(formatPeriodLabel("2026-Q1", "kk")).toBe("2026 ж. I тоқсан");
    expect(formatPeriodLabel("not a period", "ru")).toBe("not a period");
    expect(formatYearToDate("2026-10", "ru")).toBe("январь–октябрь 2026");
    expect(formatYearToDate("2026-10", "kk")).toBe("2026 ж. қаңтар–қазан");
    expect(formatYearToDate("2026-01", "ru")).toBe("январь 2026");
  });

  it("refuses a key of the wrong unit", () => {
    for (const key of ["2026-13", "2026-1", "2026-Q1", "2026"]) {
      expect(() => formatMonth(key, "ru")).toThrow();
    }
  });

  it("writes dates and times in the configured zone, whatever the process's TZ", () => {
    const at = new Date("2026-11-05T13:00:00Z");
    expect(formatDate(at, "Asia/Almaty")).toBe("05.11.2026");
    expect(formatDateTime(at, "Asia/Almaty")).toBe("05.11.2026, 18:00");
    expect(formatDateTime(new Date("2026-11-05T20:30:00Z"), "Asia/Almaty")).toBe(
      "06.11.2026, 01:30",
    );
    expect(formatCalendarDate("2026-10-05")).toBe("05.10.2026");
    // The suite runs with TZ set to a zone other than Almaty (vitest.config.ts).
    expect(process.env.TZ).not.toBe("Asia/Almaty");
  });

  it("reads a typed local date and time, refusing impossible ones", () => {
    expect(parseLocalDateTime("05.11.2026 09:00", "Asia/Almaty")).toEqual(
      new Date("2026-11-05T09:00:00+05:00"),
    );
    expect(parseLocalDateTime("5.11.2026, 9:00", "Asia/Almaty")).toEqual(
      new Date("2026-11-05T09:00:00+05:00"),
    );
    expect(parseLocalDateTime("31.04.2026 09:00", "Asia/Almaty")).toBeUndefined();
    expect(parseLocalDateTime("05.11.2026 24:00", "Asia/Almaty")).toBeUndefined();
    expect(parseLocalDateTime("tomorrow", "Asia/Almaty")).toBeUndefined();
  });
});

describe("chart rows", () => {
  it("name a period briefly", async () => {
    const { formatPeriodShort } = await import("../../../src/domain/calendar/format.ts");
    expect(formatPeriodShort("2026-10", "ru")).toBe("октябрь");
    expect(formatPeriodShort("2026-Q4", "ru")).toBe("IV квартал");
    expect(formatPeriodShort("2026-Q4", "kk")).toBe("IV тоқсан");
    expect(formatPeriodShort("2026", "kk")).toBe("2026 жыл");
  });
});
