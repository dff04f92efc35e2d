import type { Translate } from "../../context.ts";
import { completeTalks, type MonthlyDraft } from "./draft.ts";
import { formatCount, formatDate, tr } from "./format.ts";

/** The lines of the explanatory events entered so far. */
export function explanatoryLines(t: Translate, d: MonthlyDraft): string[] {
  return d.explanatoryEvents.map((e) =>
    tr(t, "lines.explanatory", {
      date: formatDate(e.date),
      topic: e.topic,
      participants: tr(t, "participants", {
        count: e.participants,
        n: formatCount(e.participants),
      }),
    }),
  );
}

/** The lines of the officials' talks entered so far. */
export function preventiveLines(t: Translate, d: MonthlyDraft): string[] {
  return completeTalks(d).map((p) =>
    tr(t, "lines.preventive", { date: formatDate(p.date), position: p.position }),
  );
}

/** The lines of the legal propaganda events entered so far. */
export function propagandaLines(t: Translate, d: MonthlyDraft): string[] {
  return d.propagandaEvents.map((e) =>
    tr(t, "lines.propaganda", { date: formatDate(e.date), topic: e.topic, audience: e.audience }),
  );
}
