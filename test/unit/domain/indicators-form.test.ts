import { describe, expect, it } from "vitest";
import type { FormAnswer } from "../../../src/domain/forms/answer.ts";
import {
  applyIndicatorsAnswer,
  type IndicatorsFormEnv,
} from "../../../src/domain/forms/indicators/apply.ts";
import {
  dueIndicators,
  isComplete,
  notReportedOf,
  valuesOfDraft,
} from "../../../src/domain/forms/indicators/due.ts";
import { fieldsOf } from "../../../src/domain/forms/indicators/fields.ts";
import { usualValues } from "../../../src/domain/forms/indicators/history.ts";
import {
  type IndicatorsReference,
  membersOf,
  NO_INDICATORS_HISTORY,
} from "../../../src/domain/forms/indicators/reference.ts";
import {
  firstIndicatorsStep,
  indicatorsStepOf,
} from "../../../src/domain/forms/indicators/steps.ts";
import type { FormOutcome } from "../../../src/domain/forms/outcome.ts";
import {
  emptyReportDraft,
  type ReportDraft,
  reportDraftSchema,
} from "../../../src/domain/reports/draft.ts";
import { checkShare } from "../../../src/domain/reports/report-fields.ts";
import { scoreReport } from "../../../src/domain/scoring/score-report.ts";
import { V2026 } from "../../support/methodology.ts";

const member = (id: number, name: string) => ({ id, kk: name, ru: name });
const list = (from: number, n: number, name: string) =>
  Array.from({ length: n }, (_, i) => member(from + i, `${name} ${i + 1}`));

const reference: IndicatorsReference = {
  bodyKind: "regional",
  dueAt: "2026-01-15T13:00:00.000Z",
  lists: {
    subdivisions: list(1, 23, "S"),
    subordinates: list(100, 2, "B"),
    quasiPublic: list(200, 3, "Q"),
    districts: list(300, 4, "D"),
  },
  history: NO_INDICATORS_HISTORY,
};
const env: IndicatorsFormEnv = { version: V2026, reference, now: "2026-01-10T05:00:00.000Z" };
const text = (t: string): FormAnswer => ({ kind: "text", text: t });
const button = (data: string): FormAnswer => ({ kind: "button", data });

function fresh(kind: "annual" | "quarterly" = "annual", ref = reference): ReportDraft {
  const period = kind === "annual" ? "2025" : "2025-Q4";
  const due = dueIndicators(V2026, kind, ref.bodyKind);
  return {
    ...emptyReportDraft(kind, period, firstIndicatorsStep(kind, due, ref)),
    reference: { ...ref },
  };
}

function saved(outcome: FormOutcome): ReportDraft {
  if (outcome.kind !== "saved") throw new Error(`expected saved, got ${JSON.stringify(outcome)}`);
  return outcome.draft;
}

function answerAll(draft: ReportDraft, answers: FormAnswer[], e = env): ReportDraft {
  let d = draft;
  for (const a of answers) d = saved(applyIndicatorsAnswer(d, a, e));
  return d;
}

function refused(outcome: FormOutcome) {
  if (outcome.kind !== "refused") throw new Error(`expected a refusal, got ${outcome.kind}`);
  return outcome;
}

const at = (d: ReportDraft) => d.step;

describe("the indicators form", () => {
  it("asks the exemption first in the annual report, then the external plan, then project 2", () => {
    const d = fresh();
    expect(at(d)).toEqual({ at: "exemption" });
    const exempt = saved(applyIndicatorsAnswer(d, button("yes"), env));
    expect(at(exempt)).toEqual({ at: "externalPlan" });
    refused(applyIndicatorsAnswer(exempt, text("12 из 10"), env));
    const plan = saved(applyIndicatorsAnswer(exempt, text("7 из 10"), env));
    expect(plan.p1ExternalPlan).toEqual({ done: 7, total: 10 });
    expect(at(plan)).toEqual({
      at: "indicator",
      id: "p2.t1.s1",
      field: 0,
      answered: "externalPlan",
    });
    // Back from the first indicator of an exempt report: the external plan.
    expect(at(saved(applyIndicatorsAnswer(plan, button("back"), env)))).toEqual({
      at: "externalPlan",
    });
  });

  it("starts the quarter at its only indicator and goes back to the periods from it", () => {
    const d = fresh("quarterly");
    expect(at(d)).toEqual({ at: "indicator", id: "p4.t1.s1", field: 0 });
    expect(applyIndicatorsAnswer(d, button("back"), env).kind).toBe("leave");
    const held = answerAll(d, [button("yes"), button("n:4"), text("1")]);
    expect(held.values["p4.t1.s1"]).toEqual({ held: true, districts: 4, districtsNotHeld: 1 });
    expect(at(held)).toMatchObject({ at: "summary", answered: "p4.t1.s1" });
    expect(isComplete(held, dueIndicators(V2026, "quarterly", "regional"))).toBe(true);
  });

  it("refuses out-of-order risks at once, keeping the earlier fields", () => {
    let d = answerAll(fresh(), [button("no")]);
    d = { ...d, step: { at: "indicator", id: "p1.t3.risks", field: 0 } };
    d = answerAll(d, [text("4")]);
    const tooMany = refused(applyIndicatorsAnswer(d, text("5"), env));
    expect(tooMany.problem).toEqual({
      key: "scoring:problems.risksOutOfOrder",
      params: { identified: 4, eliminated: 5, completed: 0 },
    });
    expect(tooMany.draft.pending).toEqual({ id: "p1.t3.risks", identified: 4 });
    d = answerAll(d, [text("3")]);
    refused(applyIndicatorsAnswer(d, text("4"), env));
    d = answerAll(d, [text("1")]);
    expect(d.values["p1.t3.risks"]).toEqual({ identified: 4, eliminated: 3, completed: 1 });
    expect(d.pending).toEqual({});
    expect(at(d)).toMatchObject({ at: "checklist", id: "p1.t4.s1", answered: "p1.t3.risks" });
  });

  it("ticks a 23-item checklist across pages in place and keeps the share of the whole list", () => {
    let d = saved(applyIndicatorsAnswer(fresh(), button("no"), env));
    d = answerAll(d, [button("yes"), button("no")]);
    expect(at(d)).toMatchObject({ at: "checklist", id: "p1.t1.s3", page: 0 });
    const tick = applyIndicatorsAnswer(d, button("t:2"), env);
    expect(tick).toMatchObject({ kind: "saved", inPlace: true });
    d = answerAll(d, [button("t:2"), button("p:2"), button("t:23"), button("p:9")]);
    expect(at(d)).toMatchObject({ page: 2 });
    expect(d.selections["p1.t1.s3"]).toEqual([2, 23]);
    expect(applyIndicatorsAnswer(d, button("t:999"), env).kind).toBe("stale");
    d = answerAll(d, [button("done")]);
    expect(d.values["p1.t1.s3"]).toEqual({ done: 2, total: 23 });
    expect(d.selections["p1.t1.s3"]).toEqual([2, 23]);
  });

  it("counts p1.t4.s1 over subordinate bodies and quasi-public organisations, project 3 over the latter", () => {
    const byId = (id: string) => V2026.indicators.find((d) => d.id === id)?.countsOver;
    expect(membersOf(reference, byId("p1.t4.s1")).map((m) => m.id)).toEqual([
      100, 101, 200, 201, 202,
    ]);
    expect(membersOf(reference, byId("p3.t2.s1")).map((m) => m.id)).toEqual([200, 201, 202]);
    expect(membersOf(reference, byId("p4.t2.s2"))).toEqual([]);
  });

  it("reads shares as people write them and refuses a percentage", () => {
    for (const typed of ["45 из 60", "60 ішінен 45", "45/60", "45 of 60", "45 / 60", "45 из 60."])
      expect(checkShare(typed), typed).toEqual({ ok: true, value: { done: 45, total: 60 } });
    expect(checkShare("1 200 из 1 500")).toEqual({ ok: true, value: { done: 1200, total: 1500 } });
    expect(checkShare("12,5 %")).toEqual({ ok: false, code: "percentNotShare" });
    expect(checkShare("45")).toEqual({ ok: false, code: "notAShare" });
    const d: ReportDraft = {
      ...fresh(),
      p1Exempt: false,
      step: { at: "indicator", id: "p4.t2.s2", field: 0 },
    };
    const typed = saved(applyIndicatorsAnswer(d, text("60 ішінен 45"), env));
    expect(typed.values["p4.t2.s2"]).toEqual({ done: 45, total: 60 });
    expect(refused(applyIndicatorsAnswer(d, text("61 из 60"), env)).problem.key).toBe(
      "scoring:problems.doneExceedsTotal",
    );
  });

  it("reads counts with thousands and refuses a percentage with the reason", () => {
    const d: ReportDraft = {
      ...fresh(),
      p1Exempt: false,
      step: { at: "indicator", id: "p2.t5.s1", field: 0 },
    };
    for (const [typed, value] of [
      ["1 000", 1000],
      ["1.000", 1000],
      ["1 500", 1500],
    ] as const)
      expect(saved(applyIndicatorsAnswer(d, text(typed), env)).values["p2.t5.s1"]).toBe(value);
    expect(refused(applyIndicatorsAnswer(d, text("12,5 %"), env)).problem.key).toBe(
      "scoring:report.percentNotCount",
    );
  });

  it("keeps 'not reconciled' as an answer that scores 0, unlike a question left open", () => {
    const d: ReportDraft = {
      ...fresh(),
      p1Exempt: false,
      step: { at: "indicator", id: "p2.t2.s1", field: 0 },
    };
    const answered = saved(applyIndicatorsAnswer(d, button("nr"), env));
    const due = dueIndicators(V2026, "annual", "regional");
    expect(answered.values["p2.t2.s1"]).toBeNull();
    expect(notReportedOf(answered, due)).toEqual(["p2.t2.s1"]);
    expect(valuesOfDraft(answered, due)).not.toHaveProperty("p2.t2.s1");
    expect(
      applyIndicatorsAnswer(
        { ...d, step: { at: "indicator", id: "p2.t5.s1", field: 0 } },
        button("nr"),
        env,
      ).kind,
    ).toBe("stale");
  });

  it("asks to confirm a count ten times the body's usual and records the confirmation", () => {
    const history = {
      previous: { periodKey: "2024", values: { "p2.t5.s1": 2 }, notReported: [] },
      usual: usualValues(V2026.indicators, fieldsOf, [
        { "p2.t5.s1": 2, "p1.t3.risks": { identified: 3, eliminated: 1, completed: 0 } },
      ]),
    };
    expect(history.usual).toEqual({
      "p2.t5.s1": 2,
      "p1.t3.risks.identified": 3,
      "p1.t3.risks.eliminated": 1,
    });
    const e = { ...env, reference: { ...reference, history } };
    const d: ReportDraft = {
      ...fresh(),
      p1Exempt: false,
      step: { at: "indicator", id: "p2.t5.s1", field: 0 },
    };
    expect(saved(applyIndicatorsAnswer(d, text("19"), e)).values["p2.t5.s1"]).toBe(19);
    const asked = saved(applyIndicatorsAnswer(d, text("20"), e));
    expect(asked.step).toEqual({ at: "confirm", id: "p2.t5.s1", field: 0, value: 20, usual: 2 });
    expect(at(saved(applyIndicatorsAnswer(asked, button("fix"), e)))).toEqual({
      at: "indicator",
      id: "p2.t5.s1",
      field: 0,
    });
    const confirmed = saved(applyIndicatorsAnswer(asked, button("confirm"), e));
    expect(confirmed.values["p2.t5.s1"]).toBe(20);
    expect(confirmed.confirmations).toEqual([
      { field: "p2.t5.s1", value: 20, usual: 2, at: env.now },
    ]);
    // A field of a multi-field answer: the earlier fields stay while it is confirmed.
    const risks: ReportDraft = { ...d, step: { at: "indicator", id: "p1.t3.risks", field: 0 } };
    const big = saved(applyIndicatorsAnswer(risks, text("30"), e));
    expect(big.step).toMatchObject({ at: "confirm", field: 0, value: 30, usual: 3 });
    const next = saved(applyIndicatorsAnswer(big, button("confirm"), e));
    expect(next.step).toEqual({ at: "indicator", id: "p1.t3.risks", field: 1 });
    expect(next.pending).toEqual({ id: "p1.t3.risks", identified: 30 });
  });

  it("keeps files, links and a comment for an indicator and refuses an .exe", () => {
    let d: ReportDraft = {
      ...fresh(),
      p1Exempt: false,
      step: { at: "indicator", id: "p2.t1.s1", field: 0 },
    };
    d = answerAll(d, [button("evidence")]);
    const file = (name: string) => ({
      kind: "file" as const,
      file: {
        type: "document" as const,
        telegramFileId: "f",
        size: 10,
        mime: "application/pdf",
        name,
      },
    });
    expect(refused(applyIndicatorsAnswer(d, file("setup.exe"), env)).problem.key).toBe(
      "indicators:problems.unsupportedFile",
    );
    d = answerAll(d, [file("act.pdf"), text("akimat.kz/news/1"), text("Переданы в Агентство")]);
    expect(d.evidence.map((e) => [e.item, e.type, e.link ?? e.mime])).toEqual([
      ["p2.t1.s1", "document", "application/pdf"],
      ["p2.t1.s1", "link", "https://akimat.kz/news/1"],
    ]);
    expect(d.comments).toEqual({ "p2.t1.s1": "Переданы в Агентство" });
    d = answerAll(d, [button("done")]);
    expect(at(d)).toEqual({ at: "indicator", id: "p2.t1.s1", field: 0 });
  });

  it("goes back to the summary after an answer changed from it, and submits from it", () => {
    let d: ReportDraft = { ...fresh("quarterly"), values: {} };
    d = answerAll(d, [button("summary")]);
    expect(d.toSummary).toBe(true);
    d = answerAll(d, [button("list"), button("go:p4.t1.s1"), button("no")]);
    expect(at(d)).toMatchObject({ at: "summary", answered: "p4.t1.s1" });
    expect(applyIndicatorsAnswer(d, button("submit"), env).kind).toBe("submit");
    expect(applyIndicatorsAnswer(d, button("p:1"), env)).toMatchObject({ inPlace: true });
  });

  it("never asks a central body a regional-only indicator", () => {
    const central = { ...reference, bodyKind: "central" as const };
    const due = dueIndicators(V2026, "annual", "central").map((d) => d.id);
    expect(due).not.toContain("p1.t5.s1");
    expect(due).not.toContain("p4.t1.s2");
    expect(dueIndicators(V2026, "quarterly", "central")).toEqual([]);
    const d = {
      ...fresh("annual", central),
      p1Exempt: false,
      step: { at: "indicator", id: "p1.t5.s1", field: 0 },
    };
    // A step naming an indicator the body is not asked starts over.
    expect(indicatorsStepOf(d, dueIndicators(V2026, "annual", "central"), central)).toEqual({
      at: "exemption",
    });
  });

  it("scores a walked draft as the scoring engine does, and the draft stays valid", () => {
    let d = answerAll(fresh(), [button("no")]);
    const due = dueIndicators(V2026, "annual", "regional");
    for (let i = 0; i < due.length; i++) d = answerAll(d, [button("next")]);
    expect(at(d)).toMatchObject({ at: "summary" });
    expect(reportDraftSchema.safeParse(d).success).toBe(true);
    const score = scoreReport(V2026, {
      bodyKind: "regional",
      p1Exempt: false,
      kind: "annual",
      values: valuesOfDraft(d, due),
    });
    // Nothing answered: project 1's four flags count as not done (−30), 1.4.1 as none done (−5),
    // and 2.5.4's information as not provided (−5).
    expect(score.total).toBe(-4000);
  });
});
