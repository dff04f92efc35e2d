import { describe, expect, it } from "vitest";
import {
  diffVersions,
  type EventContent,
  sameValue,
  type VersionContent,
} from "../../../src/domain/reports/version-diff.ts";
import { readConfirmations, readExemptionClaim } from "../../../src/domain/reports/version-meta.ts";

const talk: EventContent = {
  kind: "explanatory",
  date: "2026-10-02",
  topic: "Конфликт интересов",
  participants: 20,
};
const propaganda: EventContent = {
  kind: "propaganda",
  date: "2026-10-20",
  topic: "Адалдық — жол",
  participants: 150,
  audience: "Молодёжь",
  link: "https://t.me/a/1",
  views: 1500,
};

function version(over: Partial<VersionContent> = {}): VersionContent {
  return {
    values: { "p4.t2.s3": 1, "p4.t3.s1": { events: 1, published: true, views: 1500 } },
    events: [talk, propaganda],
    evidence: [{ type: "photo" }, { type: "link", link: "https://t.me/a/1" }],
    meta: null,
    ...over,
  };
}

const ORDER = ["p4.t2.s3", "p4.t2.s4", "p4.t3.s1"];

describe("a version's changes against the one before", () => {
  it("finds nothing between equal versions", () => {
    expect(diffVersions(version(), version(), ORDER)).toEqual([]);
  });

  it("lists changed values in the methodology's order", () => {
    const after = version({
      values: { "p4.t3.s1": { events: 1, published: true, views: 2000 }, "p4.t2.s3": 2 },
    });
    expect(diffVersions(version(), after, ORDER)).toEqual([
      { type: "value", indicatorId: "p4.t2.s3", before: 1, after: 2 },
      {
        type: "value",
        indicatorId: "p4.t3.s1",
        before: { events: 1, published: true, views: 1500 },
        after: { events: 1, published: true, views: 2000 },
      },
    ]);
  });

  it("names an indicator answered or dropped", () => {
    const after = version({ values: { "p4.t2.s3": 1, "p4.t2.s4": 2 } });
    expect(diffVersions(version(), after, ORDER).map((c) => c.type === "value" && c)).toEqual([
      { type: "value", indicatorId: "p4.t2.s4", before: undefined, after: 2 },
      {
        type: "value",
        indicatorId: "p4.t3.s1",
        before: { events: 1, published: true, views: 1500 },
        after: undefined,
      },
    ]);
  });

  it("keeps an event whose views changed as the same event, naming the field", () => {
    const after = version({ events: [talk, { ...propaganda, views: 2000 }] });
    expect(diffVersions(version(), after, ORDER)).toEqual([
      {
        type: "eventChanged",
        before: propaganda,
        after: { ...propaganda, views: 2000 },
        fields: ["views"],
      },
    ]);
  });

  it("keeps an event whose topic was corrected as the same event when its date is unique", () => {
    const fixed = { ...talk, topic: "Конфликт интересов на службе" };
    expect(diffVersions(version(), version({ events: [fixed, propaganda] }), ORDER)).toEqual([
      { type: "eventChanged", before: talk, after: fixed, fields: ["topic"] },
    ]);
  });

  it("tells added and removed events apart from changed ones", () => {
    const second = { ...talk, date: "2026-10-05", topic: "Подарки" };
    const third = { ...talk, date: "2026-10-09", topic: "Этика" };
    const before = version({ events: [talk, second, propaganda] });
    const after = version({ events: [talk, third, propaganda] });
    expect(diffVersions(before, after, ORDER)).toEqual([
      { type: "eventRemoved", event: second },
      { type: "eventAdded", event: third },
    ]);
  });

  it("does not pair two events of one day when several share it", () => {
    const a = { ...talk, topic: "A" };
    const b = { ...talk, topic: "B" };
    const c = { ...talk, topic: "C" };
    const d = { ...talk, topic: "D" };
    const diff = diffVersions(version({ events: [a, b] }), version({ events: [c, d] }), ORDER);
    expect(diff).toEqual([
      { type: "eventRemoved", event: a },
      { type: "eventRemoved", event: b },
      { type: "eventAdded", event: c },
      { type: "eventAdded", event: d },
    ]);
  });

  it("counts files and names links added and removed", () => {
    const after = version({
      evidence: [
        { type: "photo" },
        { type: "document" },
        { type: "link", link: "https://instagram.com/p/2" },
      ],
    });
    expect(diffVersions(version(), after, ORDER)).toEqual([
      { type: "files", before: 1, after: 2 },
      { type: "linkAdded", link: "https://instagram.com/p/2" },
      { type: "linkRemoved", link: "https://t.me/a/1" },
    ]);
  });

  it("names the project-1 exemption and the external plan's share first", () => {
    const before = version({ values: {}, events: [], evidence: [], meta: { p1Exempt: false } });
    const after = version({
      values: {},
      events: [],
      evidence: [],
      meta: { p1Exempt: true, p1ExternalPlan: { done: 7, total: 10 } },
    });
    expect(diffVersions(before, after, ORDER)).toEqual([
      { type: "exemption", before: false, after: true },
      { type: "externalPlan", before: undefined, after: { done: 7, total: 10 } },
    ]);
  });

  it("compares JSON values deeply, absent and null alike", () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue([1], { 0: 1 })).toBe(false);
  });
});

describe("a version's meta as a reviewer reads it", () => {
  it("reads the confirmations in a fixed order, skipping unreadable ones", () => {
    const meta = {
      confirmations: [
        { field: "views", value: 50000, usual: 1000, at: "2026-11-03T09:05:00.000Z" },
        { field: "explanatoryCount", value: 40, usual: 3, at: "2026-11-03T09:01:00.000Z" },
        { field: "mood", value: 1, usual: 0, at: "2026-11-03T09:01:00.000Z" },
        { field: "preventiveCount", value: "many", usual: 0, at: "x" },
      ],
    };
    expect(readConfirmations(meta)).toEqual([
      { field: "views", value: 50000, usual: 1000, at: new Date("2026-11-03T09:05:00.000Z") },
      {
        field: "explanatoryCount",
        value: 40,
        usual: 3,
        at: new Date("2026-11-03T09:01:00.000Z"),
      },
    ]);
    expect(readConfirmations(null)).toEqual([]);
    expect(readConfirmations({ confirmations: "yes" })).toEqual([]);
  });

  it("reads the exemption claim beside other meta", () => {
    expect(
      readExemptionClaim({ p1Exempt: true, p1ExternalPlan: { done: 3, total: 4 }, other: 1 }),
    ).toEqual({ exempt: true, externalPlan: { done: 3, total: 4 } });
    expect(readExemptionClaim({ p1ExternalPlan: { done: 5, total: 4 } })).toEqual({
      exempt: undefined,
      externalPlan: undefined,
    });
  });
});
