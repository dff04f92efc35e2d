// The review list's state, carried whole in each button's data so any button works on its own.
import type { ReportKind } from "../../domain/deadlines.ts";
import { isPeriodKey } from "../../domain/periods.ts";
import { type Field, field } from "../callback-codec.ts";

export type QueueStatus = "submitted" | "returned" | "accepted";
export const QUEUE_STATUSES: readonly QueueStatus[] = ["submitted", "returned", "accepted"];

/** Which reports the list shows and which page of them. */
export interface ReviewFilter {
  status: QueueStatus;
  kind?: ReportKind;
  periodKey?: string;
  bodyId?: number;
  /** 0-based. */
  page: number;
}

const STATUS_CODES: Record<QueueStatus, string> = { submitted: "s", returned: "r", accepted: "a" };
const KIND_CODES: Record<ReportKind, string> = { monthly: "m", quarterly: "q", annual: "y" };
const NONE = "_";

/** The filter as a short text for button data: status, kind, period, body, page. */
export function encodeFilter(filter: ReviewFilter): string {
  return [
    STATUS_CODES[filter.status],
    filter.kind ? KIND_CODES[filter.kind] : NONE,
    filter.periodKey ?? NONE,
    filter.bodyId ?? NONE,
    filter.page,
  ].join(":");
}

const invert = <K extends string>(codes: Record<K, string>) =>
  new Map(Object.entries(codes).map(([key, code]) => [code as string, key as K]));
const STATUS_OF = invert(STATUS_CODES);
const KIND_OF = invert(KIND_CODES);

/** Reads an encoded filter; undefined when it is not one (an old or forged button). */
export function parseFilter(text: string): ReviewFilter | undefined {
  const [s, k, p, b, page, ...rest] = text.split(":");
  const status = STATUS_OF.get(s ?? "");
  if (!status || rest.length > 0 || field.page.decode(page ?? "") === undefined) return undefined;
  const kind = k === NONE ? undefined : KIND_OF.get(k ?? "");
  if (k !== NONE && !kind) return undefined;
  if (p !== NONE && !isPeriodKey(p ?? "")) return undefined;
  if (b !== NONE && field.id.decode(b ?? "") === undefined) return undefined;
  return {
    status,
    ...(kind ? { kind } : {}),
    ...(p !== NONE && p ? { periodKey: p } : {}),
    ...(b !== NONE && b ? { bodyId: Number(b) } : {}),
    page: Number(page),
  };
}

/** The filter as the five parts of button data it takes ("rv:fp:s:m:2026-10:12:0:3"). */
export const filterField: Field<ReviewFilter> = {
  parts: 5,
  decode: parseFilter,
  encode: encodeFilter,
};

/** The list's filter, also as lists sent before filters carried it: a status alone ("submitted"). */
export const listField: Field<ReviewFilter> = {
  parts: "rest",
  decode: (text) => {
    const status = QUEUE_STATUSES.find((s) => s === text);
    return status ? { status, page: 0 } : parseFilter(text);
  },
  encode: encodeFilter,
};

/** The filter with some parts set or cleared (undefined clears); any change starts at page 0. */
export function withFilter(
  filter: ReviewFilter,
  change: Partial<Omit<ReviewFilter, "page">> & { page?: number },
): ReviewFilter {
  const next = { ...filter, page: 0, ...change };
  for (const key of ["kind", "periodKey", "bodyId"] as const) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

/** Whether the filter narrows the status's reports at all. */
export function isNarrowed(filter: ReviewFilter): boolean {
  return filter.kind !== undefined || filter.periodKey !== undefined || filter.bodyId !== undefined;
}
