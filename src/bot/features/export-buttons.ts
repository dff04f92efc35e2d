import type { ExportFormat } from "../../services/exports.ts";
import { type Field, featureCodec, field } from "../callback-codec.ts";

/** Where a button of one export kind leads (the data after "ex:<kind>"). */
export type ExportStep =
  /** "": the periods of the reporting month's year. */
  | { to: "year" }
  /** "y:2026", "y:2026:12": the periods of a year, for a body when known. */
  | { to: "year"; year: number; bodyId?: number }
  /** "2026-10", "2026-Q3:12": a period chosen; next the body (score sheets) or the format. */
  | { to: "period"; periodKey: string; bodyId?: number }
  /** "2026-10:0:xlsx", "2026-10:12:csv": the file, 0 for no body. */
  | { to: "file"; periodKey: string; bodyId?: number; format: ExportFormat };

const FORMATS: readonly ExportFormat[] = ["xlsx", "csv"];
const format = field.word(FORMATS);
const period = field.period();
const year = field.period("year");
const noBody = field.maybe(field.id, "0");

/** Reads an export step with the codec's own fields; undefined for anything it did not write. */
function decodeStep(text: string): ExportStep | undefined {
  const parts = text === "" ? [] : text.split(":");
  const [first = "", second, third, ...rest] = parts;
  if (rest.length > 0) return undefined;
  if (parts.length === 0) return { to: "year" };
  const body = (t: string | undefined) => (t === undefined ? null : field.id.decode(t));
  if (first === "y") {
    const y = year.decode(second ?? "");
    const bodyId = body(third);
    if (y === undefined || bodyId === undefined) return undefined;
    return { to: "year", year: Number(y), ...(bodyId === null ? {} : { bodyId }) };
  }
  const periodKey = period.decode(first);
  if (periodKey === undefined) return undefined;
  if (third === undefined) {
    const bodyId = body(second);
    if (bodyId === undefined) return undefined;
    return { to: "period", periodKey, ...(bodyId === null ? {} : { bodyId }) };
  }
  const bodyId = noBody.decode(second ?? "");
  const chosen = format.decode(third);
  if (bodyId === undefined || chosen === undefined) return undefined;
  return { to: "file", periodKey, format: chosen, ...(bodyId === null ? {} : { bodyId }) };
}

function encodeStep(step: ExportStep): string {
  const body = "bodyId" in step && step.bodyId !== undefined ? [String(step.bodyId)] : [];
  switch (step.to) {
    case "year":
      return "year" in step ? ["y", String(step.year), ...body].join(":") : "";
    case "period":
      return [step.periodKey, ...body].join(":");
    case "file":
      return [step.periodKey, noBody.encode(step.bodyId ?? null), step.format].join(":");
  }
}

const step: Field<ExportStep> = { parts: "rest", decode: decodeStep, encode: encodeStep };

/**
 * /export's buttons: "ex" the kinds, "ex:<kind>[:<step>]" the rest of one kind's way to a file
 * (ExportStep), and "exb:<period>:<page>" a page of the bodies for a score sheet.
 */
export const exportButtons = featureCodec("ex", {
  "": [],
  monthly: [step],
  scores: [step],
  leaderboard: [step],
  reporting: [step],
});
export const exportBodyPages = featureCodec("exb", { "": [period, field.page] });
