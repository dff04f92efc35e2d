import { describe, expect, it } from "vitest";
import type { VersionDetail } from "../../../src/db/repositories/index.ts";
import { dueIndicators } from "../../../src/domain/forms/indicators/due.ts";
import {
  type IndicatorsReference,
  NO_INDICATORS_HISTORY,
} from "../../../src/domain/forms/indicators/reference.ts";
import type { ReportDraft } from "../../../src/domain/reports/draft.ts";
import { reportMetaSchema } from "../../../src/domain/reports/report-meta.ts";
import {
  freshIndicatorsDraft,
  indicatorsContentOf,
  indicatorsDraftOfVersion,
  reopenIndicatorsDraft,
} from "../../../src/services/indicators-content.ts";
import { V2026 } from "../../support/methodology.ts";

const reference: IndicatorsReference = {
  bodyKind: "central",
  dueAt: "2026-01-15T13:00:00.000Z",
  lists: {
    subdivisions: [
      { id: 1, kk: "Бөлімше 1", ru: "Подразделение 1" },
      { id: 2, kk: "Бөлімше 2", ru: "Подразделение 2" },
    ],
    subordinates: [],
    quasiPublic: [],
    districts: [],
  },
  history: NO_INDICATORS_HISTORY,
};

/** A central body's annual draft with every indicator answered (0 where nothing else is said). */
function answered(): ReportDraft {
  const d = freshIndicatorsDraft("annual", "2025", reference, V2026);
  const values: Record<string, unknown> = {};
  for (const def of dueIndicators(V2026, "annual", "central")) {
    values[def.id] =
      def.input === "flag"
        ? true
        : def.input === "share"
          ? { done: 1, total: 2 }
          : def.input === "count"
            ? 0
            : undefined;
  }
  Object.assign(values, {
    "p1.t3.risks": { identified: 4, eliminated: 3, completed: 1 },
    "p2.t1.s1": { administrative: 1, criminal: 2 },
    "p2.t2.s1": null,
    "p2.t5.s4": { provided: true, facts: 0 },
    "p4.t2.s1": { headcount: 400, trained: 18 },
    // Not asked of a central body: never stored.
    "p1.t5.s1": 6,
  });
  return {
    ...d,
    p1Exempt: false,
    values,
    selections: { "p1.t1.s3": [2] },
    evidence: [
      { item: "p2.t1.s1", type: "document", telegramFileId: "f1", mime: "application/pdf" },
      { item: "p2.t1.s1", type: "link", link: "https://example.kz/1" },
    ],
    comments: { "p2.t1.s1": "Переданы в Агентство" },
    confirmations: [{ field: "p1.t3.risks.identified", value: 4, usual: 0, at: "2026-01-10" }],
  };
}

describe("the indicators report's stored content", () => {
  it("stores only what the body was asked, 'not reported' and the ticks in the meta", () => {
    const content = indicatorsContentOf(answered(), V2026, "central");
    expect(content.values).not.toHaveProperty("p1.t5.s1");
    expect(content.values).not.toHaveProperty("p2.t2.s1");
    expect(content.values["p1.t1.s3"]).toEqual({ done: 1, total: 2 });
    expect(reportMetaSchema.parse(content.meta)).toEqual({
      p1Exempt: false,
      comments: { "p2.t1.s1": "Переданы в Агентство" },
      confirmations: [{ field: "p1.t3.risks.identified", value: 4, usual: 0, at: "2026-01-10" }],
      notReported: ["p2.t2.s1"],
      selections: { "p1.t1.s3": [2] },
    });
    expect(content.evidence.map((e) => [e.item, e.type, e.link])).toEqual([
      ["p2.t1.s1", "document", null],
      ["p2.t1.s1", "link", "https://example.kz/1"],
    ]);
  });

  it("brings a stored version back as the same draft, at its summary, for a correction", () => {
    const draft = answered();
    const content = indicatorsContentOf(draft, V2026, "central");
    const stored: VersionDetail = {
      id: 7,
      submissionId: 3,
      number: 1,
      authorUserId: 1,
      late: false,
      createdAt: new Date("2026-01-10T05:00:00Z"),
      meta: content.meta,
      values: content.values as VersionDetail["values"],
      events: [],
      evidence: content.evidence.map((e, i) => ({
        id: i + 1,
        item: e.item,
        type: e.type,
        telegramFileId: e.telegramFileId ?? null,
        size: e.size ?? null,
        mime: e.mime ?? null,
        link: e.link ?? null,
      })),
    };
    const back = indicatorsDraftOfVersion("annual", "2025", stored, reference, V2026);
    expect(back.baseVersion).toBe(1);
    expect(back.step).toEqual({ at: "summary", page: 0 });
    const { "p1.t5.s1": _, ...asked } = draft.values;
    expect(back.values).toEqual(asked);
    expect(back.selections).toEqual(draft.selections);
    expect(back.comments).toEqual(draft.comments);
    expect(back.p1Exempt).toBe(false);
    expect(indicatorsContentOf(back, V2026, "central")).toEqual(content);
  });

  it("reopens a complete draft at its summary and any other where it stopped", () => {
    const stopped: ReportDraft = {
      ...answered(),
      step: { at: "indicator", id: "p2.t5.s1", field: 0 },
    };
    expect(reopenIndicatorsDraft(stopped, V2026).step).toEqual({ at: "summary", page: 0 });
    const { "p2.t5.s1": _, ...open } = stopped.values;
    const incomplete = { ...stopped, values: open };
    expect(reopenIndicatorsDraft(incomplete, V2026)).toBe(incomplete);
  });
});
