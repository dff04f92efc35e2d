import { featureCodec, field } from "./callback-codec.ts";

/**
 * Buttons of /myreports: the list's pages, and one report read-only ("myr:monthly:2026-10:<body>:<page>").
 * The report form's entry offers the same button for a report it can no longer correct.
 */
export const reportViewButtons = featureCodec("myr", {
  list: [field.page],
  monthly: [field.period("month"), field.id, field.page],
  quarterly: [field.period("quarter"), field.id, field.page],
  annual: [field.period("year"), field.id, field.page],
});
