import {
  checkAudience,
  checkCount,
  checkEventDate,
  checkPosition,
  checkTopic,
  checkUrl,
} from "../../../domain/reports/report-fields.ts";
import { truncateGraphemes } from "../../../domain/text/graphemes.ts";
import type { Answer } from "./answers.ts";
import { applyButton } from "./apply-button.ts";
import type { MonthlyDraft, Step } from "./draft.ts";
import { checkEvidenceDocument, MAX_EVIDENCE_FILES } from "./evidence.ts";
import { looksLikePersonalName } from "./personal-name.ts";
import {
  afterPreventive,
  afterPropaganda,
  go,
  MAX_LIST_ITEMS,
  mine,
  type Outcome,
  refuse,
  refuseCheck,
} from "./transitions.ts";

export type { Outcome, Problem } from "./transitions.ts";

/** Where ⬅ Back leads from each question. */
export function previousStep(d: MonthlyDraft): Step | "month" {
  const s = d.step;
  const sectionStart = (earlier: Step): Step => (d.toSummary ? { at: "editSection" } : earlier);
  switch (s.at) {
    case "explanatoryList":
      return d.toSummary ? { at: "editSection" } : "month";
    case "explanatoryDate":
      return { at: "explanatoryList" };
    case "explanatoryTopic":
      return { at: "explanatoryDate" };
    case "explanatoryParticipants":
      return { at: "explanatoryTopic" };
    case "preventiveCount":
      return sectionStart({ at: "explanatoryList" });
    case "preventivePosition":
      return s.index === 0
        ? { at: "preventiveCount" }
        : { at: "preventiveDate", index: s.index - 1 };
    case "preventiveDate":
      return { at: "preventivePosition", index: s.index };
    case "propagandaList":
      return sectionStart({ at: "preventiveCount" });
    case "propagandaDate":
      return { at: "propagandaList" };
    case "propagandaTopic":
      return { at: "propagandaDate" };
    case "propagandaAudience":
      return { at: "propagandaTopic" };
    case "published":
      return { at: "propagandaList" };
    case "links":
      return { at: "published" };
    case "views":
      return { at: "links" };
    case "evidenceItem":
      if (d.propagandaEvents.length === 0) return sectionStart({ at: "propagandaList" });
      return sectionStart(d.published ? { at: "views" } : { at: "published" });
    case "evidenceFiles":
      return { at: "evidenceItem" };
    case "summary":
      return { at: "evidenceItem" };
    case "editSection":
      return { at: "summary" };
  }
}

const TEXT_STEPS = new Set<Step["at"]>([
  "explanatoryDate",
  "explanatoryTopic",
  "explanatoryParticipants",
  "preventiveCount",
  "preventivePosition",
  "preventiveDate",
  "propagandaDate",
  "propagandaTopic",
  "propagandaAudience",
  "links",
  "views",
]);

/** Applies one answer to the draft: the form's rules, one question at a time. Pure. */
export function applyAnswer(draft: MonthlyDraft, answer: Answer): Outcome {
  if (answer.kind === "button" && answer.data === "back") {
    const back = previousStep(draft);
    if (back === "month") return { kind: "backToMonth" };
    const pending = back.at.endsWith("List") ? {} : draft.pending;
    return go(draft, back, { pending });
  }
  if (answer.kind === "text") {
    if (!TEXT_STEPS.has(draft.step.at)) return refuse(draft, mine("useButtons"));
    return applyText(draft, answer.text);
  }
  if (answer.kind === "photo" || answer.kind === "document") {
    if (draft.step.at !== "evidenceFiles") return refuse(draft, mine("fileNotExpected"));
    return addEvidence(draft, answer);
  }
  if (answer.kind === "button") return applyButton(draft, answer.data);
  if (draft.step.at === "evidenceFiles") return refuse(draft, mine("sendFile"));
  return refuse(draft, mine(TEXT_STEPS.has(draft.step.at) ? "textExpected" : "useButtons"));
}

function applyText(d: MonthlyDraft, text: string): Outcome {
  const s = d.step;
  switch (s.at) {
    case "explanatoryDate":
    case "propagandaDate": {
      const check = checkEventDate(d.month, text);
      if (!check.ok) return refuseCheck(d, check);
      const next: Step =
        s.at === "explanatoryDate" ? { at: "explanatoryTopic" } : { at: "propagandaTopic" };
      return go(d, next, { pending: { ...d.pending, date: check.value } });
    }
    case "explanatoryTopic":
    case "propagandaTopic": {
      const check = checkTopic(text);
      if (!check.ok) return refuseCheck(d, check);
      const next: Step =
        s.at === "explanatoryTopic"
          ? { at: "explanatoryParticipants" }
          : { at: "propagandaAudience" };
      return go(d, next, { pending: { ...d.pending, topic: check.value } });
    }
    case "explanatoryParticipants": {
      const check = checkCount(text, { min: 1 });
      if (!check.ok) return refuseCheck(d, check);
      const { date, topic } = d.pending;
      if (!date || !topic) return go(d, { at: "explanatoryDate" }, { pending: {} });
      const event = { date, topic, participants: check.value };
      return go(
        d,
        { at: "explanatoryList" },
        {
          explanatoryEvents: [...d.explanatoryEvents, event],
          pending: {},
        },
      );
    }
    case "propagandaAudience": {
      const check = checkAudience(text);
      if (!check.ok) return refuseCheck(d, check);
      const { date, topic } = d.pending;
      if (!date || !topic) return go(d, { at: "propagandaDate" }, { pending: {} });
      const event = { date, topic, audience: check.value };
      return go(
        d,
        { at: "propagandaList" },
        {
          propagandaEvents: [...d.propagandaEvents, event],
          pending: {},
        },
      );
    }
    case "preventiveCount": {
      const check = checkCount(text);
      if (!check.ok) return refuseCheck(d, check);
      if (check.value > MAX_LIST_ITEMS) return refuse(d, mine("tooMany", { max: MAX_LIST_ITEMS }));
      const talks = d.preventiveTalks.slice(0, check.value);
      if (check.value === 0)
        return go(d, afterPreventive(d), { preventiveCount: 0, preventiveTalks: [] });
      return go(
        d,
        { at: "preventivePosition", index: 0 },
        {
          preventiveCount: check.value,
          preventiveTalks: talks,
        },
      );
    }
    case "preventivePosition": {
      const check = checkPosition(text);
      if (!check.ok) return refuseCheck(d, check);
      if (looksLikePersonalName(check.value)) return refuse(d, mine("personalName"));
      const talks = [...d.preventiveTalks];
      talks[s.index] = { ...talks[s.index], position: check.value };
      return go(d, { at: "preventiveDate", index: s.index }, { preventiveTalks: talks });
    }
    case "preventiveDate": {
      const check = checkEventDate(d.month, text);
      if (!check.ok) return refuseCheck(d, check);
      const talks = [...d.preventiveTalks];
      talks[s.index] = { ...talks[s.index], date: check.value };
      const more = s.index + 1 < (d.preventiveCount ?? 0);
      const next: Step = more
        ? { at: "preventivePosition", index: s.index + 1 }
        : afterPreventive(d);
      return go(d, next, { preventiveTalks: talks });
    }
    case "links":
      return addLinks(d, text);
    case "views": {
      const check = checkCount(text);
      if (!check.ok) return refuseCheck(d, check);
      return go(d, afterPropaganda(d), { views: check.value });
    }
    default:
      return refuse(d, mine("useButtons"));
  }
}

function addLinks(d: MonthlyDraft, text: string): Outcome {
  const links = [...d.links];
  const bad: string[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const check = checkUrl(part);
    if (!check.ok) bad.push(part);
    else if (!links.includes(check.value)) links.push(check.value);
  }
  if (links.length > MAX_LIST_ITEMS) return refuse(d, mine("tooMany", { max: MAX_LIST_ITEMS }));
  const kept = { ...d, links, revision: d.revision + 1 };
  // The valid links are kept; only the bad ones have to be sent again.
  if (bad.length > 0) {
    const link = truncateGraphemes(bad.join(" "), 100);
    return refuse(kept, mine("badLinks", { link }));
  }
  return { kind: "next", draft: kept };
}

function addEvidence(
  d: MonthlyDraft,
  file: Extract<Answer, { kind: "photo" } | { kind: "document" }>,
): Outcome {
  if (d.step.at !== "evidenceFiles") return refuse(d, mine("fileNotExpected"));
  if (d.evidence.length >= MAX_EVIDENCE_FILES)
    return refuse(d, mine("tooManyFiles", { max: MAX_EVIDENCE_FILES }));
  const item = d.step.item;
  if (file.kind === "photo") {
    const photo = {
      item,
      type: "photo" as const,
      telegramFileId: file.fileId,
      size: file.size,
      mime: "image/jpeg",
    };
    return received(d, photo);
  }
  const check = checkEvidenceDocument(file);
  if (!check.ok) return refuse(d, mine(check.reason));
  return received(d, {
    item,
    type: "document",
    telegramFileId: file.fileId,
    size: file.size,
    mime: check.mime,
  });
}

function received(d: MonthlyDraft, file: MonthlyDraft["evidence"][number]): Outcome {
  const draft = { ...d, evidence: [...d.evidence, file], revision: d.revision + 1 };
  return { kind: "next", draft, notice: mine("fileReceived") };
}
