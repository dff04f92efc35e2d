import { describe, expect, it } from "vitest";
import { describeReported } from "../../../src/dashboard/reported-values.ts";
import { findIndicator } from "../../../src/domain/methodology/lookup.ts";
import { V2026 } from "../../support/methodology.ts";

const def = (id: string) => {
  const found = findIndicator(V2026, id);
  if (!found) throw new Error(id);
  return found;
};

describe("what was reported, in words", () => {
  it("adds up a quarter's monthly counts with the methodology's noun, in both languages", () => {
    expect(describeReported(def("p4.t2.s3"), [3], "ru")).toBe("3 мероприятия");
    expect(describeReported(def("p4.t2.s3"), [3, 2, 6], "ru")).toBe("11 мероприятий");
    expect(describeReported(def("p4.t2.s3"), [1], "ru")).toBe("1 мероприятие");
    expect(describeReported(def("p4.t2.s3"), [3, 2], "kk")).toBe("5 іс-шара");
    expect(describeReported(def("p4.t2.s4"), [2], "ru")).toBe("2 должностных лица");
    expect(describeReported(def("p2.t3.s1"), [5], "ru")).toBe("5 фактов");
  });

  it("says nothing was reported, or that the reconciliation was not made", () => {
    expect(describeReported(def("p4.t2.s3"), [], "ru")).toBe("не отчитано");
    expect(describeReported(def("p2.t2.s1"), [], "kk")).toBe("салыстыру жүргізілмеген");
  });

  it("writes shares, flags, risks, training and propaganda as people read them", () => {
    expect(describeReported(def("p1.t1.s3"), [{ done: 7, total: 10 }], "ru")).toBe(
      "7 из 10 (70 %)",
    );
    expect(describeReported(def("p1.t1.s3"), [{ done: 7, total: 10 }], "kk")).toBe(
      "10 ішінен 7 (70 %)",
    );
    expect(describeReported(def("p1.t1.s1"), [false], "ru")).toBe("не выполнено");
    expect(
      describeReported(def("p1.t3.risks"), [{ identified: 4, eliminated: 3, completed: 1 }], "ru"),
    ).toBe("выявлено 4, устранено 3, доведено до завершения 1");
    expect(describeReported(def("p4.t2.s1"), [{ headcount: 400, trained: 18 }], "kk")).toBe(
      "400 адамның 18-і оқуды аяқтады (4 %)",
    );
    expect(
      describeReported(
        def("p4.t3.s1"),
        [
          { events: 2, published: true, views: 1500 },
          { events: 1, published: false, views: 0 },
        ],
        "ru",
      ),
    ).toBe("3 мероприятия; опубликовано в месяцах: 1 из 2; просмотров: 1500");
    expect(
      describeReported(
        def("p4.t1.s1"),
        [
          { held: true, districts: 20, districtsNotHeld: 2 },
          { held: false, districts: 20, districtsNotHeld: 0 },
        ],
        "ru",
      ),
    ).toBe("заседания проведены в кварталах: 1 из 2");
  });
});
