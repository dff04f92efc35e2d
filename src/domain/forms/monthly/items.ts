import type { ReportDraft } from "../../reports/draft.ts";
import { INDICATOR_OF_SECTION, MONTHLY_SECTIONS } from "./steps.ts";

/** Something evidence can be attached to: a whole part, or one event of it. */
export type EvidenceItem =
  | { kind: "section"; item: string; section: (typeof MONTHLY_SECTIONS)[number] }
  | { kind: "event"; item: string; section: "explanatory" | "propaganda"; index: number };

/** Every item of the draft files can be attached to: the three parts, then each event. */
export function evidenceItemsOf(d: ReportDraft): EvidenceItem[] {
  const sections = MONTHLY_SECTIONS.map(
    (section): EvidenceItem => ({ kind: "section", item: INDICATOR_OF_SECTION[section], section }),
  );
  const events = (section: "explanatory" | "propaganda", count: number): EvidenceItem[] =>
    Array.from({ length: count }, (_, index) => ({
      kind: "event",
      item: `event:${section}:${index}`,
      section,
      index,
    }));
  return [
    ...sections,
    ...events("explanatory", d.explanatoryEvents.length),
    ...events("propaganda", d.propagandaEvents.length),
  ];
}

/** Whether `item` names a part or an existing event of the draft. */
export function isEvidenceItem(d: ReportDraft, item: string): boolean {
  return evidenceItemsOf(d).some((candidate) => candidate.item === item);
}
