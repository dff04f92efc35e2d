// The monthly report's rules, one answer at a time. Pure: the draft in, the outcome out.
import { MAX_EVIDENCE_FILES, MAX_LIST_ITEMS, type ReportDraft } from "../../reports/draft.ts";
import {
  checkAudience,
  checkCount,
  checkEventDate,
  checkPosition,
  checkTopic,
  checkUrl,
  reportProblemKey,
} from "../../reports/report-fields.ts";
import { truncateGraphemes } from "../../text/graphemes.ts";
import type { FormAnswer, FormProblem, SentFile } from "../answer.ts";
import { checkEvidenceFile } from "../evidence-file.ts";
import { type FormOutcome, go, refuse, refuseCheck } from "../outcome.ts";
import { looksLikePersonalName } from "../personal-name.ts";
import { type MonthlyHistory, unusualValue } from "./history.ts";
import { evidenceItemsOf, isEvidenceItem } from "./items.ts";
import {
  lineFormat,
  looksLikeLines,
  parseExplanatoryLines,
  parsePreventiveLines,
} from "./lines.ts";
import {
  type CheckedField,
  type MonthlySection,
  type MonthlyStep,
  monthlyStepOf,
  previousMonthlyStep,
  questionOfCheck,
  stepAfterSection,
  TEXT_STEPS,
} from "./steps.ts";

/** What the form knows besides the draft: the body's history and the time an answer came. */
export interface MonthlyFormEnv {
  history: MonthlyHistory;
  /** ISO time of the answer, recorded with a confirmation. */
  now: string;
}

const mine = (code: string, params?: FormProblem["params"]): FormProblem =>
  params
    ? { key: `monthly-report:problems.${code}`, params }
    : { key: `monthly-report:problems.${code}` };

/** Applies one answer to the monthly draft. */
export function applyMonthlyAnswer(
  draft: ReportDraft,
  answer: FormAnswer,
  env: MonthlyFormEnv,
): FormOutcome {
  const step = monthlyStepOf(draft);
  if (answer.kind === "button") return applyButton(draft, step, answer.data, env);
  if (answer.kind === "file") {
    if (step.at !== "evidenceFiles") return refuse(draft, mine("fileNotExpected"));
    return addEvidence(draft, step.item, answer.file);
  }
  if (!TEXT_STEPS.has(step.at)) {
    return refuse(draft, mine(step.at === "evidenceFiles" ? "sendFile" : "useButtons"));
  }
  return applyText(draft, step, answer.text, env);
}

function pendingText(draft: ReportDraft, name: string): string | undefined {
  const value = draft.pending[name];
  return typeof value === "string" ? value : undefined;
}

function pendingNumber(draft: ReportDraft, name: string): number | undefined {
  const value = draft.pending[name];
  return typeof value === "number" ? value : undefined;
}

function pendingLinks(draft: ReportDraft): string[] {
  const value = draft.pending.links;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

const withPending = (draft: ReportDraft, patch: Record<string, unknown>) => ({
  pending: { ...draft.pending, ...patch },
});

function applyText(
  d: ReportDraft,
  step: MonthlyStep,
  text: string,
  env: MonthlyFormEnv,
): FormOutcome {
  switch (step.at) {
    case "explanatory":
      return addExplanatoryLines(d, text);
    case "preventive":
      return addPreventiveLines(d, text);
    case "explanatoryDate":
    case "propagandaDate": {
      const check = checkEventDate(d.periodKey, text);
      if (!check.ok) return refuseCheck(d, check);
      const next = step.at === "explanatoryDate" ? "explanatoryTopic" : "propagandaTopic";
      return go(d, { at: next }, withPending(d, { date: check.value }));
    }
    case "explanatoryTopic":
    case "propagandaTopic": {
      const check = checkTopic(text);
      if (!check.ok) return refuseCheck(d, check);
      const next =
        step.at === "explanatoryTopic" ? "explanatoryParticipants" : "propagandaAudience";
      return go(d, { at: next }, withPending(d, { topic: check.value }));
    }
    case "explanatoryParticipants": {
      const check = checkCount(text, { min: 1 });
      if (!check.ok) return refuseCheck(d, check);
      const date = pendingText(d, "date");
      const topic = pendingText(d, "topic");
      if (!date || !topic) return go(d, { at: "explanatoryDate" }, { pending: {} });
      const event = { date, topic, participants: check.value };
      return go(
        d,
        { at: "explanatory" },
        {
          explanatoryEvents: [...d.explanatoryEvents, event],
          pending: {},
        },
      );
    }
    case "preventivePosition": {
      const check = checkPosition(text);
      if (!check.ok) return refuseCheck(d, check);
      if (looksLikePersonalName(check.value)) return refuse(d, mine("personalName"));
      return go(d, { at: "preventiveDate" }, withPending(d, { position: check.value }));
    }
    case "preventiveDate": {
      const check = checkEventDate(d.periodKey, text);
      if (!check.ok) return refuseCheck(d, check);
      const position = pendingText(d, "position");
      if (!position) return go(d, { at: "preventivePosition" }, { pending: {} });
      return go(
        d,
        { at: "preventive" },
        {
          preventiveTalks: [...d.preventiveTalks, { position, date: check.value }],
          pending: {},
        },
      );
    }
    case "propagandaAudience": {
      const check = checkAudience(text);
      if (!check.ok) return refuseCheck(d, check);
      return go(d, { at: "propagandaParticipants" }, withPending(d, { audience: check.value }));
    }
    case "propagandaParticipants": {
      const check = checkCount(text);
      if (!check.ok) return refuseCheck(d, check);
      return go(d, { at: "propagandaPublished" }, withPending(d, { participants: check.value }));
    }
    case "propagandaLinks":
      return addLinks(d, text);
    case "propagandaViews": {
      const check = checkCount(text);
      if (!check.ok) return refuseCheck(d, check);
      const monthViews = totalViews(d) + check.value;
      const usual = unusualValue("views", monthViews, env.history);
      if (usual !== undefined) return ask(d, "views", check.value, usual);
      return finishPropagandaEvent(d, check.value);
    }
    default:
      return refuse(d, mine("useButtons"));
  }
}

function totalViews(d: ReportDraft): number {
  return d.propagandaEvents.reduce((sum, e) => sum + (e.views ?? 0), 0);
}

function ask(d: ReportDraft, field: CheckedField, value: number, usual: number): FormOutcome {
  return go(d, { at: "confirm", field, value, usual });
}

function addExplanatoryLines(d: ReportDraft, text: string): FormOutcome {
  if (!looksLikeLines(text)) return refuse(d, lineFormat("explanatoryLineFormat", d.periodKey));
  const { items, bad } = parseExplanatoryLines(d.periodKey, text);
  const events = [...d.explanatoryEvents, ...items].slice(0, MAX_LIST_ITEMS);
  return linesOutcome(
    { ...d, explanatoryEvents: events, revision: d.revision + 1 },
    items.length,
    bad,
  );
}

function addPreventiveLines(d: ReportDraft, text: string): FormOutcome {
  if (!looksLikeLines(text)) return refuse(d, lineFormat("preventiveLineFormat", d.periodKey));
  const { items, bad } = parsePreventiveLines(d.periodKey, text);
  const talks = [...d.preventiveTalks, ...items].slice(0, MAX_LIST_ITEMS);
  return linesOutcome(
    { ...d, preventiveTalks: talks, revision: d.revision + 1 },
    items.length,
    bad,
  );
}

/** The lines that were read are kept; the others are named, so only they need sending again. */
function linesOutcome(
  draft: ReportDraft,
  added: number,
  bad: { line: string; problem: FormProblem }[],
): FormOutcome {
  if (bad.length === 0)
    return { kind: "saved", draft, notice: mine("linesAdded", { count: added }) };
  const first = bad[0] as { line: string; problem: FormProblem };
  return refuse(draft, {
    key: "monthly-report:problems.badLines",
    params: {
      ...first.problem.params,
      count: added,
      bad: bad.length,
      line: first.line.slice(0, 80),
      reason: first.problem.key,
    },
  });
}

function addLinks(d: ReportDraft, text: string): FormOutcome {
  const links = pendingLinks(d);
  const bad: string[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const check = checkUrl(part);
    if (!check.ok) bad.push(part);
    else if (!links.includes(check.value)) links.push(check.value);
  }
  if (links.length > MAX_LIST_ITEMS) return refuse(d, mine("tooMany", { max: MAX_LIST_ITEMS }));
  const kept = { ...d, pending: { ...d.pending, links }, revision: d.revision + 1 };
  // The valid links are kept; only the bad ones have to be sent again.
  if (bad.length > 0)
    return refuse(kept, mine("badLinks", { link: truncateGraphemes(bad.join(" "), 100) }));
  return { kind: "saved", draft: kept };
}

function finishPropagandaEvent(d: ReportDraft, views: number | null): FormOutcome {
  const date = pendingText(d, "date");
  const topic = pendingText(d, "topic");
  const audience = pendingText(d, "audience");
  const participants = pendingNumber(d, "participants");
  if (!date || !topic || !audience || participants === undefined) {
    return go(d, { at: "propagandaDate" }, { pending: {} });
  }
  const links = views === null ? [] : pendingLinks(d);
  const event = { date, topic, audience, participants, links, views };
  return go(
    d,
    { at: "propaganda" },
    { propagandaEvents: [...d.propagandaEvents, event], pending: {} },
  );
}

function addEvidence(d: ReportDraft, item: string, file: SentFile): FormOutcome {
  const files = d.evidence.filter((e) => e.type !== "link");
  if (files.length >= MAX_EVIDENCE_FILES)
    return refuse(d, mine("tooManyFiles", { max: MAX_EVIDENCE_FILES }));
  const check = checkEvidenceFile(file);
  if (!check.ok) return refuse(d, mine(check.reason));
  const evidence = {
    item,
    type: file.type,
    telegramFileId: file.telegramFileId,
    mime: check.mime,
    ...(file.size !== null ? { size: file.size } : {}),
    ...(file.name ? { name: truncateGraphemes(file.name, 256, { ellipsis: "" }) } : {}),
  };
  const draft = { ...d, evidence: [...d.evidence, evidence], revision: d.revision + 1 };
  return { kind: "saved", draft, notice: mine("fileReceived") };
}

const COUNT_FIELD: Record<MonthlySection, CheckedField> = {
  explanatory: "explanatoryCount",
  preventive: "preventiveCount",
  propaganda: "propagandaCount",
};

function countOf(d: ReportDraft, section: MonthlySection): number {
  if (section === "explanatory") return d.explanatoryEvents.length;
  if (section === "preventive") return d.preventiveTalks.length;
  return d.propagandaEvents.length;
}

/** "Done" on a part's list: on to the next part, unless the count needs confirming first. */
function finishSection(d: ReportDraft, section: MonthlySection, env: MonthlyFormEnv): FormOutcome {
  const count = countOf(d, section);
  const usual = unusualValue(COUNT_FIELD[section], count, env.history);
  if (usual !== undefined) return ask(d, COUNT_FIELD[section], count, usual);
  return go(d, stepAfterSection(d, section), { pending: {} });
}

function undoLast(d: ReportDraft, section: MonthlySection): FormOutcome {
  if (section === "preventive") {
    if (d.preventiveTalks.length === 0) return { kind: "stale" };
    return go(d, { at: section }, { preventiveTalks: d.preventiveTalks.slice(0, -1) });
  }
  const list = section === "explanatory" ? d.explanatoryEvents : d.propagandaEvents;
  if (list.length === 0) return { kind: "stale" };
  // Files attached to the removed event go with it.
  const removed = `event:${section}:${list.length - 1}`;
  const evidence = d.evidence.filter((e) => e.item !== removed);
  const key = section === "explanatory" ? "explanatoryEvents" : "propagandaEvents";
  return go(d, { at: section }, { [key]: list.slice(0, -1), evidence });
}

function listButton(d: ReportDraft, section: MonthlySection, data: string, env: MonthlyFormEnv) {
  if (data === "add") {
    if (countOf(d, section) >= MAX_LIST_ITEMS)
      return refuse(d, mine("tooMany", { max: MAX_LIST_ITEMS }));
    const first =
      section === "explanatory"
        ? "explanatoryDate"
        : section === "preventive"
          ? "preventivePosition"
          : "propagandaDate";
    return go(d, { at: first }, { pending: {} });
  }
  if (data === "undo") return undoLast(d, section);
  if (data === "done") return finishSection(d, section, env);
  return { kind: "stale" } as const;
}

function confirmButton(
  d: ReportDraft,
  step: Extract<MonthlyStep, { at: "confirm" }>,
  data: string,
  env: MonthlyFormEnv,
): FormOutcome {
  if (data === "fix") return go(d, questionOfCheck(step.field));
  if (data !== "confirm") return { kind: "stale" };
  const confirmation = { field: step.field, value: step.value, usual: step.usual, at: env.now };
  const confirmed = {
    ...d,
    confirmations: [...d.confirmations.filter((c) => c.field !== step.field), confirmation],
  };
  if (step.field === "views") return finishPropagandaEvent(confirmed, step.value);
  const section: MonthlySection =
    step.field === "explanatoryCount"
      ? "explanatory"
      : step.field === "preventiveCount"
        ? "preventive"
        : "propaganda";
  return go(confirmed, stepAfterSection(confirmed, section), { pending: {} });
}

function applyButton(
  d: ReportDraft,
  step: MonthlyStep,
  data: string,
  env: MonthlyFormEnv,
): FormOutcome {
  if (data === "back") {
    const back = previousMonthlyStep(d, step);
    if (back === "leave") return { kind: "leave" };
    return go(d, back);
  }
  switch (step.at) {
    case "explanatory":
    case "preventive":
    case "propaganda":
      return listButton(d, step.at, data, env);
    case "propagandaPublished":
      if (data === "yes") return go(d, { at: "propagandaLinks" }, withPending(d, { links: [] }));
      if (data === "no") return finishPropagandaEvent(d, null);
      return { kind: "stale" };
    case "propagandaLinks": {
      const links = pendingLinks(d);
      if (data === "undo" && links.length > 0)
        return go(d, step, withPending(d, { links: links.slice(0, -1) }));
      if (data !== "done") return { kind: "stale" };
      if (links.length === 0) return refuse(d, { key: reportProblemKey("linkRequired") });
      return go(d, { at: "propagandaViews" });
    }
    case "evidence":
      return evidenceButton(d, data);
    case "evidenceFiles":
      if (data === "done") return go(d, { at: "evidence", page: 0 });
      if (data === "undo") {
        const last = d.evidence.findLastIndex((e) => e.item === step.item);
        if (last >= 0) return go(d, step, { evidence: d.evidence.filter((_, i) => i !== last) });
      }
      return { kind: "stale" };
    case "confirm":
      return confirmButton(d, step, data, env);
    case "summary":
      if (data === "submit") return { kind: "submit", draft: d };
      if (data === "edit") return go(d, { at: "editSection" });
      if (data === "cancel") return { kind: "pause" };
      if (data.startsWith("page:")) return go(d, { at: "summary", page: pageOf(data) });
      return { kind: "stale" };
    case "editSection": {
      const target: Record<string, MonthlyStep> = {
        "sec:explanatory": { at: "explanatory" },
        "sec:preventive": { at: "preventive" },
        "sec:propaganda": { at: "propaganda" },
        "sec:evidence": { at: "evidence", page: 0 },
      };
      const to = target[data];
      return to ? go(d, to, { toSummary: true }) : { kind: "stale" };
    }
    default:
      return { kind: "stale" };
  }
}

function pageOf(data: string): number {
  const n = Number(data.slice("page:".length));
  return Number.isInteger(n) && n >= 0 && n < 1000 ? n : 0;
}

function evidenceButton(d: ReportDraft, data: string): FormOutcome {
  if (data === "next") return go(d, { at: "summary", page: 0 }, { toSummary: true });
  if (data.startsWith("page:")) return go(d, { at: "evidence", page: pageOf(data) });
  const item = data.startsWith("item:") ? data.slice("item:".length) : "";
  if (isEvidenceItem(d, item)) return go(d, { at: "evidenceFiles", item });
  return { kind: "stale" };
}

export { evidenceItemsOf };
