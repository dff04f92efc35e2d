import { featureCodec, field } from "../callback-codec.ts";
import { filterField, listField } from "./review-filter.ts";

/**
 * The buttons of /review: a report (rv:o:<submission>) with its history, changes, evidence,
 * accept and return; the list (rv:l:<filter>) and its narrowing by kind, period and body.
 */
export const reviewButtons = featureCodec("rv", {
  o: [field.id],
  h: [field.id],
  d: [field.id],
  e: [field.id],
  a: [field.id],
  r: [field.id],
  l: [listField],
  fk: [listField],
  fp: [filterField, field.page],
  fb: [filterField, field.page],
});
