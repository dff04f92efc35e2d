import type { MethodologyBook } from "../../../domain/methodology/book.ts";
import type { Variants } from "../../../domain/variants.ts";
import type { Translate } from "../../context.ts";
import { type MonthlyDraft, REPORT_ITEMS, type ReportItem } from "./draft.ts";
import { ACCEPTED_FILE_TYPES } from "./evidence.ts";
import { formatMonth, tr } from "./format.ts";
import { explanatoryLines, preventiveLines, propagandaLines } from "./lines.ts";
import { renderSummary } from "./summary.ts";

/** An inline button; `data` goes after the conversation's "mr:" prefix. */
export interface Button {
  text: string;
  data: string;
}

/** A question as sent: its text and its buttons, row by row. */
export interface Prompt {
  text: string;
  buttons: Button[][];
}

const button = (t: Translate, name: string, data = name): Button => ({
  text: tr(t, `buttons.${name}`),
  data,
});

const addButton = (t: Translate, count: number): Button =>
  button(t, count === 0 ? "addEvent" : "addAnother", "add");

/** The short name of a report item (section). */
export function itemTitle(t: Translate, item: ReportItem): string {
  return tr(t, `items.${ITEM_KEYS[item]}`);
}

const ITEM_KEYS: Record<ReportItem, string> = {
  "p4.t2.s3": "explanatory",
  "p4.t2.s4": "preventive",
  "p4.t3.s1": "propaganda",
};

function listLines(lines: string[], t: Translate): string {
  if (lines.length === 0) return tr(t, "steps.nothingYet");
  return lines.map((line, i) => `${i + 1}. ${line}`).join("\n");
}

/** Submit carries the draft's revision (an older summary cannot submit) and the report it is for. */
export function submitButtonData(d: MonthlyDraft, bodyId: number): string {
  return `submit:${d.revision}:${bodyId}:${d.month}`;
}

/** The question of the draft's current step, with the month and what was entered so far. */
export function renderPrompt(
  t: Translate,
  d: MonthlyDraft,
  options: { late: boolean; bodyId: number; variants?: Variants; methodology: MethodologyBook },
): Prompt {
  const month = formatMonth(t, d.month);
  const back = [button(t, "back")];
  const s = d.step;
  const ask = (key: string, params: Record<string, unknown> = {}, rows: Button[][] = []) => ({
    text: tr(t, `steps.${key}`, { month, ...params }),
    buttons: [...rows, back],
  });
  const n = (index: number) => ({ n: index + 1 });
  switch (s.at) {
    case "explanatoryList":
      return ask("explanatoryList", { list: listLines(explanatoryLines(t, d), t) }, [
        [addButton(t, d.explanatoryEvents.length), button(t, "done")],
        ...(d.explanatoryEvents.length > 0 ? [[button(t, "undo")]] : []),
      ]);
    case "explanatoryDate":
      return ask("eventDate", n(d.explanatoryEvents.length));
    case "explanatoryTopic":
      return ask("eventTopic", n(d.explanatoryEvents.length));
    case "explanatoryParticipants":
      return ask("eventParticipants", n(d.explanatoryEvents.length));
    case "preventiveCount": {
      const talks = preventiveLines(t, d);
      const keep = talks.length > 0 && talks.length === d.preventiveCount;
      return keep
        ? ask("preventiveCountAgain", { list: listLines(talks, t) }, [[button(t, "keep")]])
        : ask("preventiveCount");
    }
    case "preventivePosition":
      return ask("preventivePosition", { ...n(s.index), count: d.preventiveCount ?? 0 });
    case "preventiveDate":
      return ask("preventiveDate", {
        ...n(s.index),
        position: d.preventiveTalks[s.index]?.position ?? "",
      });
    case "propagandaList":
      return ask("propagandaList", { list: listLines(propagandaLines(t, d), t) }, [
        [addButton(t, d.propagandaEvents.length), button(t, "done")],
        ...(d.propagandaEvents.length > 0 ? [[button(t, "undo")]] : []),
      ]);
    case "propagandaDate":
      return ask("eventDate", n(d.propagandaEvents.length));
    case "propagandaTopic":
      return ask("eventTopic", n(d.propagandaEvents.length));
    case "propagandaAudience":
      return ask("eventAudience", n(d.propagandaEvents.length));
    case "published":
      return ask("published", {}, [[button(t, "yes"), button(t, "no")]]);
    case "links": {
      const list = d.links.length === 0 ? "" : listLines(d.links, t);
      const rows = d.links.length > 0 ? [[button(t, "done"), button(t, "undoLink", "undo")]] : [];
      return ask(d.links.length === 0 ? "links" : "linksMore", { list }, rows);
    }
    case "views":
      return ask("views");
    case "evidenceItem": {
      const count = (item: ReportItem) => d.evidence.filter((e) => e.item === item).length;
      const rows = REPORT_ITEMS.map((item) => [
        { text: `📎 ${itemTitle(t, item)} (${count(item)})`, data: `item:${item}` },
      ]);
      const next = d.evidence.length > 0 ? button(t, "next") : button(t, "skip", "next");
      return ask("evidenceItem", { count: d.evidence.length }, [...rows, [next]]);
    }
    case "evidenceFiles": {
      const count = d.evidence.filter((e) => e.item === s.item).length;
      const rows = [[button(t, "done"), ...(count > 0 ? [button(t, "undoFile", "undo")] : [])]];
      return ask(
        "evidenceFiles",
        { item: itemTitle(t, s.item), count, types: ACCEPTED_FILE_TYPES },
        rows,
      );
    }
    case "summary":
      return {
        text: renderSummary(t, d, options),
        buttons: [
          [button(t, "submit", submitButtonData(d, options.bodyId))],
          [button(t, "edit"), button(t, "cancel")],
          back,
        ],
      };
    case "editSection":
      return ask("editSection", {}, [
        [button(t, "secExplanatory", "sec:explanatory")],
        [button(t, "secPreventive", "sec:preventive")],
        [button(t, "secPropaganda", "sec:propaganda")],
        [button(t, "secEvidence", "sec:evidence")],
      ]);
  }
}
