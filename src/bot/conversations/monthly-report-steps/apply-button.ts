import { reportProblemKey } from "../../../domain/reports/report-fields.ts";
import type { MonthlyDraft, Step } from "./draft.ts";
import { isReportItem } from "./evidence.ts";
import {
  afterExplanatory,
  afterPreventive,
  afterPropaganda,
  go,
  MAX_LIST_ITEMS,
  mine,
  type Outcome,
  refuse,
} from "./transitions.ts";

/** Applies a pressed button of the current question. Pure. */
export function applyButton(d: MonthlyDraft, data: string): Outcome {
  const s = d.step;
  switch (s.at) {
    case "explanatoryList":
    case "propagandaList": {
      const explanatory = s.at === "explanatoryList";
      const list = explanatory ? d.explanatoryEvents : d.propagandaEvents;
      if (data === "add") {
        if (list.length >= MAX_LIST_ITEMS)
          return refuse(d, mine("tooMany", { max: MAX_LIST_ITEMS }));
        return go(d, { at: explanatory ? "explanatoryDate" : "propagandaDate" }, { pending: {} });
      }
      if (data === "undo" && list.length > 0) {
        const key = explanatory ? "explanatoryEvents" : "propagandaEvents";
        return go(d, s, { [key]: list.slice(0, -1) });
      }
      if (data !== "done") return { kind: "stale" };
      if (explanatory) return go(d, afterExplanatory(d));
      if (d.propagandaEvents.length === 0)
        return go(d, afterPropaganda(d), { published: null, links: [], views: null });
      return go(d, { at: "published" });
    }
    case "preventiveCount": {
      const complete =
        d.preventiveCount !== null &&
        d.preventiveTalks.slice(0, d.preventiveCount).filter((t) => t.position && t.date).length ===
          d.preventiveCount;
      if (data === "keep" && complete) return go(d, afterPreventive(d));
      return { kind: "stale" };
    }
    case "published":
      if (data === "yes") return go(d, { at: "links" }, { published: true });
      if (data === "no")
        return go(d, afterPropaganda(d), { published: false, links: [], views: null });
      return { kind: "stale" };
    case "links":
      if (data === "undo" && d.links.length > 0) return go(d, s, { links: d.links.slice(0, -1) });
      if (data !== "done") return { kind: "stale" };
      if (d.links.length === 0) return refuse(d, { key: reportProblemKey("linkRequired") });
      return go(d, { at: "views" });
    case "evidenceItem": {
      const item = data.startsWith("item:") ? data.slice("item:".length) : "";
      if (isReportItem(item)) return go(d, { at: "evidenceFiles", item });
      if (data === "next") return go(d, { at: "summary" }, { toSummary: true });
      return { kind: "stale" };
    }
    case "evidenceFiles":
      if (data === "done") return go(d, { at: "evidenceItem" });
      if (data === "undo") {
        const last = d.evidence.findLastIndex((e) => e.item === s.item);
        if (last >= 0) return go(d, s, { evidence: d.evidence.filter((_, i) => i !== last) });
      }
      return { kind: "stale" };
    case "summary":
      if (data.startsWith(`submit:${d.revision}:`)) return { kind: "submit", draft: d };
      if (data === "edit") return go(d, { at: "editSection" });
      return { kind: "stale" };
    case "editSection": {
      const sections: Record<string, Step> = {
        "sec:explanatory": { at: "explanatoryList" },
        "sec:preventive": { at: "preventiveCount" },
        "sec:propaganda": { at: "propagandaList" },
        "sec:evidence": { at: "evidenceItem" },
      };
      const target = sections[data];
      return target ? go(d, target, { toSummary: true }) : { kind: "stale" };
    }
    default:
      return { kind: "stale" };
  }
}
