import { describe, expect, it } from "vitest";
import { toCsv } from "../../../src/documents/csv.ts";

describe("toCsv", () => {
  it("starts with a UTF-8 byte order mark and ends every record with CRLF", () => {
    const csv = toCsv([
      ["Орган", "Балл"],
      ["Қызылорда облысының әкімдігі", "84.5"],
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toBe("\uFEFFОрган,Балл\r\nҚызылорда облысының әкімдігі,84.5\r\n");
  });

  it("quotes fields with commas, quotes and line breaks, doubling inner quotes", () => {
    const text = toCsv([["a,b", 'say "hi"', "one\ntwo", "plain"]]).toString("utf8");
    expect(text).toBe('\uFEFF"a,b","say ""hi""","one\ntwo",plain\r\n');
  });

  it("quotes on the chosen delimiter", () => {
    const text = toCsv([["a;b", "c,d"]], { delimiter: ";" }).toString("utf8");
    expect(text).toBe('\uFEFF"a;b";c,d\r\n');
  });

  it("writes an empty file as just the mark", () => {
    expect(toCsv([]).toString("utf8")).toBe("\uFEFF");
  });
});
