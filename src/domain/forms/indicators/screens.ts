// Answers on the screens around the questions: a checklist's ticks and pages, an indicator's
// files, links and comment, the list to jump from, and the summary.
import { MAX_DRAFT_COMMENT, MAX_EVIDENCE_FILES, MAX_LIST_ITEMS } from "../../reports/draft.ts";
import { checkUrl, cleanText } from "../../reports/report-fields.ts";
import { isBlankText } from "../../text/graphemes.ts";
import type { FormAnswer, SentFile } from "../answer.ts";
import { ACCEPTED_FILE_TYPES, checkEvidenceFile } from "../evidence-file.ts";
import { type FormOutcome, go, goInPlace, refuse, refuseCheck } from "../outcome.ts";
import { clampPage, PAGE_SIZE, readPage } from "./paging.ts";
import { membersOf } from "./reference.ts";
import { type IndicatorsStep, stepOfIndicator, summaryStep } from "./steps.ts";
import { dueDef, keepValue, lastStep, mine, type Walk } from "./walk.ts";

/** Ticks and pages of a share's checklist; "done" keeps the share of the whole list ticked. */
export function applyChecklistButton(
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "checklist" }>,
  data: string,
): FormOutcome {
  const { d } = walk;
  const def = dueDef(walk, step.id);
  if (!def) return { kind: "stale" };
  const members = membersOf(walk.env.reference, def.countsOver);
  const ids = members.map((m) => m.id);
  // Ticks of members no longer in the list are dropped; the order is the list's.
  const kept = new Set((d.selections[def.id] ?? []).filter((id) => ids.includes(id)));
  const ticked = (set: ReadonlySet<number>) => ({
    selections: { ...d.selections, [def.id]: ids.filter((id) => set.has(id)) },
  });
  const here = (patch: Partial<typeof d>, page = step.page) =>
    goInPlace(d, { at: "checklist", id: def.id, page: clampPage(page, members.length) }, patch);
  const toggle = /^t:(\d{1,12})$/.exec(data);
  if (toggle) {
    const id = Number(toggle[1]);
    if (!ids.includes(id)) return { kind: "stale" };
    const set = new Set(kept);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    return here(ticked(set));
  }
  const page = readPage(data);
  if (page !== undefined) return here({}, page);
  if (data === "all") return here(ticked(new Set(ids)));
  if (data === "none") return here(ticked(new Set()));
  if (data !== "done") return { kind: "stale" };
  return keepValue(walk, def, { done: kept.size, total: members.length }, ticked(kept));
}

// A link is sent as an address ("https://…", "www.…", "akimat.kz/news/1"); other text is a comment.
const LINK_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|[^\s/]+\.[^\s/]+\/\S*)$/i;

/** Files, links and the comment of one indicator; "done" returns to the indicator. */
export function applyEvidence(walk: Walk, id: string, answer: FormAnswer): FormOutcome {
  const { d } = walk;
  const def = dueDef(walk, id);
  if (!def) return { kind: "stale" };
  if (answer.kind === "file") return addFile(d, id, answer.file);
  if (answer.kind === "text") {
    const text = cleanText(answer.text);
    if (LINK_LIKE.test(text)) {
      const check = checkUrl(text);
      if (!check.ok) return refuseCheck(d, check);
      const links = d.evidence.filter((e) => e.type === "link");
      if (links.length >= MAX_LIST_ITEMS)
        return refuse(d, mine("tooManyLinks", { max: MAX_LIST_ITEMS }));
      const evidence = [...d.evidence, { item: id, type: "link" as const, link: check.value }];
      return {
        kind: "saved",
        draft: { ...d, evidence, revision: d.revision + 1 },
        notice: mine("linkReceived"),
      };
    }
    if (isBlankText(text)) return refuse(d, { key: "scoring:report.emptyText" });
    if (text.length > MAX_DRAFT_COMMENT)
      return refuse(d, { key: "scoring:report.textTooLong", params: { max: MAX_DRAFT_COMMENT } });
    const comments = { ...d.comments, [id]: text };
    return {
      kind: "saved",
      draft: { ...d, comments, revision: d.revision + 1 },
      notice: mine("commentSaved"),
    };
  }
  switch (answer.data) {
    case "done":
    case "back":
      return go(d, stepOfIndicator(def, walk.env.reference));
    case "undo": {
      const last = d.evidence.findLastIndex((e) => e.item === id);
      if (last < 0) return { kind: "stale" };
      return go(d, { at: "evidence", id }, { evidence: d.evidence.filter((_, i) => i !== last) });
    }
    case "uncomment": {
      if (d.comments[id] === undefined) return { kind: "stale" };
      const { [id]: _, ...comments } = d.comments;
      return go(d, { at: "evidence", id }, { comments });
    }
    default:
      return { kind: "stale" };
  }
}

function addFile(d: Walk["d"], id: string, file: SentFile): FormOutcome {
  const files = d.evidence.filter((e) => e.type !== "link");
  if (files.length >= MAX_EVIDENCE_FILES)
    return refuse(d, mine("tooManyFiles", { max: MAX_EVIDENCE_FILES }));
  const check = checkEvidenceFile(file);
  if (!check.ok)
    return refuse(
      d,
      check.reason === "unsupportedFile"
        ? mine(check.reason, { types: ACCEPTED_FILE_TYPES })
        : mine(check.reason),
    );
  const evidence = {
    item: id,
    type: file.type,
    telegramFileId: file.telegramFileId,
    mime: check.mime,
    ...(file.size !== null ? { size: file.size } : {}),
    ...(file.name ? { name: file.name.slice(0, 256) } : {}),
  };
  const draft = { ...d, evidence: [...d.evidence, evidence], revision: d.revision + 1 };
  return { kind: "saved", draft, notice: mine("fileReceived") };
}

/** The list page that shows an indicator, opened from it. */
export function listStepAround(walk: Walk, id: string): IndicatorsStep {
  const index = Math.max(
    0,
    walk.due.findIndex((def) => def.id === id),
  );
  return { at: "list", page: Math.floor(index / PAGE_SIZE), from: id };
}

/** The list of the report's indicators: jump to one, to the exemption, or to the summary. */
export function applyListButton(
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "list" }>,
  data: string,
): FormOutcome {
  const { d } = walk;
  const page = readPage(data);
  if (page !== undefined) return goInPlace(d, { ...step, page: clampPage(page, walk.due.length) });
  if (data === "summary") return go(d, summaryStep(), { toSummary: true });
  if (data === "back") {
    const from = step.from ? dueDef(walk, step.from) : undefined;
    return go(d, from ? stepOfIndicator(from, walk.env.reference) : summaryStep());
  }
  if (data === "go:exemption" && d.kind === "annual") return go(d, { at: "exemption" });
  const def = data.startsWith("go:") ? dueDef(walk, data.slice(3)) : undefined;
  return def ? go(d, stepOfIndicator(def, walk.env.reference), { pending: {} }) : { kind: "stale" };
}

/** The summary: submit, change an answer from the list, turn pages, stop, or go back. */
export function applySummaryButton(walk: Walk, data: string): FormOutcome {
  const { d } = walk;
  const page = readPage(data);
  if (page !== undefined) return goInPlace(d, { at: "summary", page: Math.min(page, 99) });
  switch (data) {
    case "submit":
      return { kind: "submit", draft: d };
    case "list":
      return go(d, { at: "list", page: 0 });
    case "cancel":
      return { kind: "pause" };
    case "back":
      return go(d, lastStep(walk));
    default:
      return { kind: "stale" };
  }
}
