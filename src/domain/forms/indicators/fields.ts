// The questions of one indicator: most take one answer, some several in turn (risks, offence
// reports, training, gifts, the commission), each field its own question.
import type { IndicatorDef, InputKind } from "../../methodology/types.ts";

/** One question of an indicator: a yes/no, a whole number or a share ("45 из 60"). */
export type FieldSpec =
  | {
      kind: "flag";
      /** The value's field; none when the whole value is the flag. */
      name?: string;
      /** The whole value when the answer is "no" (the later questions are then not asked). */
      whenNo?: Record<string, unknown>;
    }
  | { kind: "number"; name?: string }
  | { kind: "share" };

/** The questions of each input kind, in the order asked. */
export const FIELDS_OF_INPUT: Record<InputKind, readonly FieldSpec[]> = {
  flag: [{ kind: "flag" }],
  count: [{ kind: "number" }],
  share: [{ kind: "share" }],
  risks: [
    { kind: "number", name: "identified" },
    { kind: "number", name: "eliminated" },
    { kind: "number", name: "completed" },
  ],
  offenceReports: [
    { kind: "number", name: "administrative" },
    { kind: "number", name: "criminal" },
  ],
  training: [
    { kind: "number", name: "headcount" },
    { kind: "number", name: "trained" },
  ],
  gifts: [
    { kind: "flag", name: "provided", whenNo: { provided: false, facts: 0 } },
    { kind: "number", name: "facts" },
  ],
  commission: [
    { kind: "flag", name: "held", whenNo: { held: false } },
    { kind: "number", name: "districts" },
    { kind: "number", name: "districtsNotHeld" },
  ],
  // Monthly only: never in the annual or quarterly report.
  propaganda: [],
};

/** The questions of an indicator. */
export function fieldsOf(def: IndicatorDef): readonly FieldSpec[] {
  return FIELDS_OF_INPUT[def.input];
}

/** The question at a field index (the first when out of range). */
export function fieldAt(def: IndicatorDef, index: number): FieldSpec | undefined {
  const fields = fieldsOf(def);
  return fields[index] ?? fields[0];
}

/** The key a whole-number answer is compared and confirmed by: "p2.t5.s1", "p1.t3.risks.identified". */
export function numberKey(def: IndicatorDef, field: FieldSpec): string {
  return field.kind === "number" && field.name ? `${def.id}.${field.name}` : def.id;
}

/** A whole number of a value: the value itself, or one of its fields. */
export function numberOfValue(value: unknown, name: string | undefined): number | undefined {
  if (name === undefined) return typeof value === "number" ? value : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === "number" ? field : undefined;
}

/** A yes or no typed instead of pressed ("да", "Иә", "нет", "жоқ"); undefined for anything else. */
export function readYesNo(text: string): boolean | undefined {
  const word = text
    .trim()
    .toLocaleLowerCase()
    .replace(/[.!]+$/, "");
  if (["да", "иә", "ия", "yes"].includes(word)) return true;
  if (["нет", "жоқ", "no"].includes(word)) return false;
  return undefined;
}
