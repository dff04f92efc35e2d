import { describe, expect, it } from "vitest";
import { points } from "./support.ts";

describe("share steps", () => {
  it("gives 0.3 a full 10 % step: 70 % → 2,1 and 69.9 % → 1,8", () => {
    expect(points("p1.t1.s3", { done: 7, total: 10 }).points).toBe(210);
    expect(points("p1.t1.s3", { done: 699, total: 1000 }).points).toBe(180);
    expect(points("p1.t1.s3", { done: 10, total: 10 })).toMatchObject({ points: 300, max: 300 });
  });

  it("scores public discussion from 40 %: 40 % → 2, 39 % → 0, 100 % → 5", () => {
    expect(points("p1.t2.s2", { done: 40, total: 100 }).points).toBe(200);
    expect(points("p1.t2.s2", { done: 39, total: 100 }).points).toBe(0);
    expect(points("p1.t2.s2", { done: 90, total: 100 }).points).toBe(450);
    expect(points("p1.t2.s2", { done: 100, total: 100 }).points).toBe(500);
  });

  it("treats total 0 as not applicable", () => {
    expect(points("p1.t1.s3", { done: 0, total: 0 })).toEqual({
      id: "p1.t1.s3",
      points: 0,
      applicable: false,
    });
    expect(points("p1.t4.s1", { done: 0, total: 0 })).toMatchObject({
      points: 0,
      applicable: false,
    });
  });

  it("gives 0.2 a step in project 3 and 1 a step for the online course", () => {
    expect(points("p3.t2.s5", { done: 5, total: 10 }).points).toBe(100);
    expect(points("p4.t2.s2", { done: 90, total: 100 }).points).toBe(900);
    expect(points("p4.t1.s2", { done: 8, total: 10 }).points).toBe(400);
  });
});

describe("recommendations monitoring (0.3 a whole percent)", () => {
  it("gives 90 % coverage 27 and 100 % 30", () => {
    expect(points("p1.t3.s3", { done: 9, total: 10 }).points).toBe(2700);
    expect(points("p1.t3.s3", { done: 10, total: 10 })).toMatchObject({ points: 3000, max: 3000 });
    expect(points("p1.t3.s3", { done: 1, total: 3 }).points).toBe(990);
  });
});

describe("register of positions", () => {
  it("takes 5 when no organisation drew one up, else 0.5 a step", () => {
    expect(points("p1.t4.s1", { done: 0, total: 8 }).points).toBe(-500);
    expect(points("p1.t4.s1", undefined).points).toBe(-500);
    expect(points("p1.t4.s1", { done: 1, total: 20 }).points).toBe(0);
    expect(points("p1.t4.s1", { done: 9, total: 10 }).points).toBe(450);
  });
});

describe("flags", () => {
  it("take the penalty when not done or not reported", () => {
    expect(points("p1.t1.s1", true).points).toBe(0);
    expect(points("p1.t1.s1", false).points).toBe(-1000);
    expect(points("p1.t1.s2", undefined).points).toBe(-1000);
    expect(points("p1.t2.s3", false).points).toBe(-500);
  });
});

describe("corruption risks", () => {
  it("counts identified × 1 + eliminated-only × 2 + completed × 5", () => {
    expect(points("p1.t3.risks", { identified: 4, eliminated: 3, completed: 1 }).points).toBe(1300);
    expect(points("p1.t3.risks", undefined).points).toBe(0);
  });
});

describe("offences by staff (p2.t2.s1)", () => {
  it.each([
    [0, 1800],
    [1, 1500],
    [5, 1500],
    [6, 1200],
    [20, 1200],
    [21, 900],
    [40, 900],
    [41, 600],
    [1000, 600],
  ])("%i offences → %i hundredths", (count, expected) => {
    expect(points("p2.t2.s1", count).points).toBe(expected);
  });

  it("gives 0 when not reported, never 18", () => {
    expect(points("p2.t2.s1", undefined)).toMatchObject({ points: 0, applicable: true, max: 1800 });
  });
});

describe("facts and reports", () => {
  it("scores 3 per administrative, 5 per criminal report and 3 per fact found", () => {
    expect(points("p2.t1.s1", { administrative: 1, criminal: 2 }).points).toBe(1300);
    expect(points("p2.t5.s5", 4).points).toBe(1200);
    expect(points("p3.t3.s1", 2).points).toBe(2000);
    expect(points("p1.t5.s1", 6).points).toBe(1200);
  });
});

describe("gifts (p2.t5.s4) and its variants", () => {
  it("ru: 3 when information is given, −5 when not", () => {
    expect(points("p2.t5.s4", { provided: true, facts: 0 }).points).toBe(300);
    expect(points("p2.t5.s4", { provided: true, facts: 4 }).points).toBe(300);
    expect(points("p2.t5.s4", { provided: false, facts: 0 }).points).toBe(-500);
    expect(points("p2.t5.s4", undefined).points).toBe(-500);
  });

  it("kk: 3 for each fact, −5 when no information", () => {
    const kk = { variants: { "p2.t5.s4": "kk" as const } };
    expect(points("p2.t5.s4", { provided: true, facts: 4 }, kk)).toMatchObject({ points: 1200 });
    expect(points("p2.t5.s4", { provided: true, facts: 4 }, kk).max).toBeUndefined();
    expect(points("p2.t5.s4", { provided: false, facts: 0 }, kk).points).toBe(-500);
  });
});

describe("commission meetings (p4.t1.s1)", () => {
  it("takes 0.3 per full 10 % of districts without a meeting: 20 districts, 2 missed → 2,7", () => {
    expect(points("p4.t1.s1", [{ held: true, districts: 20, districtsNotHeld: 2 }]).points).toBe(
      270,
    );
    expect(points("p4.t1.s1", [{ held: true, districts: 20, districtsNotHeld: 1 }]).points).toBe(
      300,
    );
  });

  it("gives 3 without districts, 0 when not held, never below 0", () => {
    expect(points("p4.t1.s1", [{ held: true, districts: 0, districtsNotHeld: 0 }]).points).toBe(
      300,
    );
    expect(points("p4.t1.s1", [{ held: false }]).points).toBe(0);
    expect(points("p4.t1.s1", [{ held: true, districts: 5, districtsNotHeld: 5 }]).points).toBe(0);
  });

  it("sums quarters with a cap of 3 each", () => {
    const s = points("p4.t1.s1", [
      { held: true, districts: 10, districtsNotHeld: 0 },
      { held: true, districts: 10, districtsNotHeld: 3 },
    ]);
    expect(s).toMatchObject({ points: 510, max: 600, perEntry: [300, 210] });
  });
});

describe("training threshold (p4.t2.s1)", () => {
  it("gives 0.3 per full 0.5 %: 5 % → 3, 4.9 % → 2,7, above 5 % still 3", () => {
    expect(points("p4.t2.s1", { headcount: 1000, trained: 50 }).points).toBe(300);
    expect(points("p4.t2.s1", { headcount: 1000, trained: 49 }).points).toBe(270);
    expect(points("p4.t2.s1", { headcount: 1000, trained: 500 }).points).toBe(300);
    expect(points("p4.t2.s1", { headcount: 400, trained: 18 }).points).toBe(270);
  });

  it("does not apply to a body with no staff", () => {
    expect(points("p4.t2.s1", { headcount: 0, trained: 0 })).toMatchObject({
      points: 0,
      applicable: false,
    });
  });
});

describe("monthly caps", () => {
  it("caps explanatory events at 10 a month (5 events)", () => {
    expect(points("p4.t2.s3", [3, 7, 5])).toMatchObject({
      points: 2600,
      max: 3000,
      perEntry: [600, 1000, 1000],
    });
  });

  it("caps preventive work at 10 officials a month", () => {
    expect(points("p4.t2.s4", [12, 4])).toMatchObject({
      points: 1400,
      max: 2000,
      perEntry: [1000, 400],
    });
  });

  it("gives one month's cap as the maximum when nothing is reported", () => {
    expect(points("p4.t2.s3", undefined)).toMatchObject({ points: 0, max: 1000, perEntry: [] });
  });
});

describe("legal propaganda (p4.t3.s1)", () => {
  const month = (events: number, published: boolean, views: number) => [
    { events, published, views },
  ];

  it("gives 10 for events, plus 5 if published, or 10 instead at 1000+ views", () => {
    expect(points("p4.t3.s1", month(0, true, 5000)).points).toBe(0);
    expect(points("p4.t3.s1", month(1, false, 5000)).points).toBe(1000);
    expect(points("p4.t3.s1", month(1, true, 999)).points).toBe(1500);
    expect(points("p4.t3.s1", month(1, true, 1000))).toMatchObject({ points: 2000, max: 2000 });
  });

  it("variant additive gives 10 + 5 + 10", () => {
    const additive = { variants: { "p4.t3.s1": "additive" as const } };
    expect(points("p4.t3.s1", month(2, true, 1000), additive)).toMatchObject({
      points: 2500,
      max: 2500,
    });
    expect(points("p4.t3.s1", month(2, true, 999), additive).points).toBe(1500);
  });
});

describe("applicability by body kind", () => {
  it("never scores regional-only indicators for a central body", () => {
    const central = { bodyKind: "central" as const };
    expect(points("p1.t5.s1", 6, central)).toEqual({
      id: "p1.t5.s1",
      points: 0,
      applicable: false,
    });
    expect(points("p4.t1.s2", { done: 5, total: 5 }, central).applicable).toBe(false);
    expect(
      points("p4.t1.s1", [{ held: true, districts: 1, districtsNotHeld: 0 }], central).points,
    ).toBe(0);
  });
});
