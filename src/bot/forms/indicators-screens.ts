// What the officer sees at each step of the indicators report: one short screen a question, the
// project and task named once in a header line, last time's value beside the question.
import { ACCEPTED_FILE_TYPES } from "../../domain/forms/evidence-file.ts";
import { isAnswered, takesNotReported } from "../../domain/forms/indicators/due.ts";
import { type FieldSpec, fieldAt } from "../../domain/forms/indicators/fields.ts";
import { itemsOnPage, pageCount } from "../../domain/forms/indicators/paging.ts";
import { membersOf } from "../../domain/forms/indicators/reference.ts";
import type { IndicatorsStep } from "../../domain/forms/indicators/steps.ts";
import { dueDef, type Walk, walkOf } from "../../domain/forms/indicators/walk.ts";
import type { IndicatorDef } from "../../domain/methodology/types.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { KeysUnder } from "../../i18n-keys.ts";
import { dataKey } from "../../i18n-keys.ts";
import { renderIndicatorsSummary } from "./indicators-summary.ts";
import {
  headerLine,
  type IndicatorsEnv,
  ind,
  previousLine,
  reportTitle,
  scoredAnswerText,
  shareText,
  shortName,
} from "./indicators-text.ts";
import { formatCount } from "./monthly-text.ts";
import type { Screen, ScreenButton } from "./screen.ts";

const button = (
  env: IndicatorsEnv,
  name: KeysUnder<"indicators", "buttons.">,
  action: string = name,
): ScreenButton => ({
  text: ind(env.t, `buttons.${name}`),
  action,
});

/** Page buttons "◀ 2/3 ▶" (none for one page); the middle one stays where it is. */
export function pageRow(count: number, page: number): ScreenButton[] {
  const pages = pageCount(count);
  if (pages <= 1) return [];
  return [
    { text: "◀", action: `p:${(page - 1 + pages) % pages}` },
    { text: `${page + 1}/${pages}`, action: `p:${page}` },
    { text: "▶", action: `p:${(page + 1) % pages}` },
  ];
}

/** The walk's own buttons under every indicator: files, back, next, the list, the summary. */
function navRows(env: IndicatorsEnv, d: ReportDraft, def: IndicatorDef): ScreenButton[][] {
  const next = isAnswered(d, def.id) ? button(env, "next") : button(env, "skip", "next");
  return [
    [button(env, "evidence")],
    [button(env, "back"), next],
    [button(env, "list"), button(env, "summary")],
  ];
}

/** "✓ 1.1.3 Анонсирование начала анализа: 7 из 23 — 30 % — 0,9 балла", echoing the answer just kept. */
function echoLine(
  env: IndicatorsEnv,
  walk: Walk,
  answered: string | undefined,
): string | undefined {
  if (answered === "exemption" || answered === "externalPlan") {
    const exempt = walk.d.p1Exempt === true;
    const plan = walk.d.p1ExternalPlan;
    return answered === "externalPlan" && plan
      ? ind(env.t, "echo.externalPlan", { share: shareText(env.t, plan) })
      : ind(env.t, exempt ? "echo.exempt" : "echo.notExempt");
  }
  const def = answered ? dueDef(walk, answered) : undefined;
  if (!def || !isAnswered(walk.d, def.id)) return undefined;
  return ind(env.t, "echo.answer", {
    name: shortName(env, def),
    answer: scoredAnswerText(env, def, walk.d.values[def.id]),
  });
}

/** The indicator's header, number and title, then the lines of its screen. */
function indicatorText(
  env: IndicatorsEnv,
  walk: Walk,
  def: IndicatorDef,
  lines: (string | undefined)[],
  answered?: string,
) {
  const index = walk.due.findIndex((x) => x.id === def.id);
  const echo = echoLine(env, walk, answered);
  return [
    ...(echo ? [echo, ""] : []),
    headerLine(env, walk.d, def, { index, count: walk.due.length }),
    `${def.number} ${def.title[env.lang]}`,
    ...lines,
  ]
    .filter((line): line is string => line !== undefined)
    .join("\n");
}

function currentAnswer(env: IndicatorsEnv, d: ReportDraft, def: IndicatorDef): string | undefined {
  if (!isAnswered(d, def.id)) return undefined;
  return ind(env.t, "current", { answer: scoredAnswerText(env, def, d.values[def.id]) });
}

function attachmentsLine(env: IndicatorsEnv, d: ReportDraft, id: string): string | undefined {
  const files = d.evidence.filter((e) => e.item === id).length;
  if (files === 0 && d.comments[id] === undefined) return undefined;
  return ind(env.t, d.comments[id] === undefined ? "attachments" : "attachmentsComment", {
    count: files,
  });
}

/** What was typed of a multi-field answer so far: "Выявлено рисков: 4". */
function typedSoFar(env: IndicatorsEnv, d: ReportDraft, def: IndicatorDef): string[] {
  if (d.pending.id !== def.id) return [];
  return Object.entries(d.pending)
    .filter(([name, value]) => name !== "id" && typeof value === "number")
    .map(([name, value]) =>
      ind(env.t, `typed.${name as KeysUnder<"indicators", "typed.">}`, {
        n: formatCount(value as number),
      }),
    );
}

function questionOf(env: IndicatorsEnv, def: IndicatorDef, field: FieldSpec): string {
  if (field.kind === "share") return ind(env.t, `ask.share.${def.countsOver ?? "plain"}`);
  if (field.kind === "flag")
    return field.name ? env.t(dataKey(`indicators:ask.${field.name}`)) : ind(env.t, "ask.flag");
  if (field.name) return env.t(dataKey(`indicators:ask.${field.name}`));
  if (takesNotReported(def)) return ind(env.t, "ask.reconciliation");
  // Project 2's counts are of facts the body found itself: the methodology data words the question.
  return def.question?.[env.lang] ?? ind(env.t, "ask.count");
}

function answerButtons(env: IndicatorsEnv, def: IndicatorDef, field: FieldSpec): ScreenButton[][] {
  if (field.kind === "flag") return [[button(env, "yes"), button(env, "no")]];
  if (field.kind === "share")
    return def.countsOver && def.countsOver !== "employees"
      ? [[button(env, "noneOfThem", "none")]]
      : [];
  const row: ScreenButton[] = [{ text: "0", action: "n:0" }];
  const districts = env.reference.lists.districts.length;
  if (field.name === "districts" && districts > 0)
    row.push({ text: formatCount(districts), action: `n:${districts}` });
  if (!field.name && takesNotReported(def)) row.push(button(env, "notReconciled", "nr"));
  return [row];
}

function indicatorScreen(
  env: IndicatorsEnv,
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "indicator" }>,
): Screen {
  const def = dueDef(walk, step.id) as IndicatorDef;
  const field = fieldAt(def, step.field) as FieldSpec;
  const fieldName = "name" in field ? field.name : undefined;
  const previous =
    field.kind === "number" && fieldName
      ? previousLine(env, def, fieldName)
      : step.field === 0
        ? previousLine(env, def)
        : undefined;
  const text = indicatorText(
    env,
    walk,
    def,
    [
      ...typedSoFar(env, walk.d, def),
      questionOf(env, def, field),
      previous,
      step.field === 0 ? currentAnswer(env, walk.d, def) : undefined,
      attachmentsLine(env, walk.d, def.id),
    ],
    step.answered,
  );
  return { text, buttons: [...answerButtons(env, def, field), ...navRows(env, walk.d, def)] };
}

function checklistScreen(
  env: IndicatorsEnv,
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "checklist" }>,
): Screen {
  const def = dueDef(walk, step.id) as IndicatorDef;
  const members = membersOf(env.reference, def.countsOver);
  const ticked = new Set(walk.d.selections[def.id] ?? []);
  const count = members.filter((m) => ticked.has(m.id)).length;
  const share = { done: count, total: members.length };
  const text = indicatorText(
    env,
    walk,
    def,
    [
      ind(env.t, `checklist.${def.countsOver ?? "subdivisions"}`),
      ind(env.t, "checklist.ticked", { answer: scoredAnswerText(env, def, share) }),
      previousLine(env, def),
      attachmentsLine(env, walk.d, def.id),
    ],
    step.answered,
  );
  const rows: ScreenButton[][] = itemsOnPage(members, step.page).map((m) => [
    {
      text: `${ticked.has(m.id) ? "☑" : "☐"} ${truncateGraphemes(m[env.lang], 48)}`,
      action: `t:${m.id}`,
    },
  ]);
  const pages = pageRow(members.length, step.page);
  if (pages.length > 0) rows.push(pages);
  rows.push([button(env, "all"), button(env, "none")], [button(env, "done")]);
  return { text, buttons: [...rows, ...navRows(env, walk.d, def)] };
}

function evidenceScreen(env: IndicatorsEnv, walk: Walk, id: string): Screen {
  const def = dueDef(walk, id) as IndicatorDef;
  const items = walk.d.evidence.filter((e) => e.item === id);
  const files = items.filter((e) => e.type !== "link").length;
  const links = items.length - files;
  const comment = walk.d.comments[id];
  const lines = [
    ind(env.t, "evidence.title", { name: shortName(env, def) }),
    ind(env.t, "evidence.ask", { types: ACCEPTED_FILE_TYPES }),
    ind(env.t, "evidence.kept", {
      files: ind(env.t, "files", { count: files }),
      links: ind(env.t, "links", { count: links }),
    }),
  ];
  if (comment)
    lines.push(ind(env.t, "evidence.comment", { comment: truncateGraphemes(comment, 300) }));
  const rows: ScreenButton[][] = [[button(env, "evidenceDone", "done")]];
  if (items.length > 0) rows.push([button(env, "undoEvidence", "undo")]);
  if (comment) rows.push([button(env, "uncomment")]);
  return { text: lines.join("\n"), buttons: rows };
}

function confirmScreen(
  env: IndicatorsEnv,
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "confirm" }>,
): Screen {
  const def = dueDef(walk, step.id) as IndicatorDef;
  const times = Math.floor(step.value / Math.max(1, step.usual));
  const text = indicatorText(env, walk, def, [
    ind(env.t, "confirm", {
      value: formatCount(step.value),
      usual: formatCount(step.usual),
      times,
    }),
  ]);
  return {
    text,
    buttons: [[button(env, "confirm"), button(env, "fix")], [button(env, "back")]],
  };
}

function listScreen(
  env: IndicatorsEnv,
  walk: Walk,
  step: Extract<IndicatorsStep, { at: "list" }>,
): Screen {
  const { d, due } = walk;
  const rows: ScreenButton[][] = [];
  if (d.kind === "annual" && step.page === 0) {
    const mark = d.p1Exempt === undefined ? "·" : "✓";
    rows.push([{ text: `${mark} ${ind(env.t, "list.exemption")}`, action: "go:exemption" }]);
  }
  for (const def of itemsOnPage(due, step.page))
    rows.push([
      {
        text: `${isAnswered(d, def.id) ? "✓" : "·"} ${shortName(env, def)}`,
        action: `go:${def.id}`,
      },
    ]);
  const pages = pageRow(due.length, step.page);
  if (pages.length > 0) rows.push(pages);
  rows.push([button(env, "summary")], [button(env, "back")]);
  const answered = due.filter((def) => isAnswered(d, def.id)).length;
  return {
    text: [
      reportTitle(env.t, env.lang, d),
      ind(env.t, "list.title", { answered, count: due.length }),
    ].join("\n"),
    buttons: rows,
  };
}

function exemptionScreen(env: IndicatorsEnv, walk: Walk): Screen {
  const { d } = walk;
  const year = Number(d.periodKey) - 1;
  const lines = [reportTitle(env.t, env.lang, d), ind(env.t, "exemption.question", { year })];
  if (d.p1Exempt !== undefined)
    lines.push(
      ind(env.t, "current", { answer: ind(env.t, d.p1Exempt ? "yes" : "no").toLocaleLowerCase() }),
    );
  return {
    text: lines.join("\n"),
    buttons: [[button(env, "yes"), button(env, "no")], [button(env, "back")]],
  };
}

function externalPlanScreen(env: IndicatorsEnv, walk: Walk): Screen {
  const { d } = walk;
  const lines = [
    reportTitle(env.t, env.lang, d),
    ind(env.t, "exemption.plan", { title: env.version.exemption.externalPlan.title[env.lang] }),
  ];
  if (d.p1ExternalPlan)
    lines.push(ind(env.t, "current", { answer: shareText(env.t, d.p1ExternalPlan) }));
  return { text: lines.join("\n"), buttons: [[button(env, "back")]] };
}

/** The screen of the draft's current step. */
export function renderIndicatorsScreen(d: ReportDraft, env: IndicatorsEnv): Screen {
  const walk = walkOf(d, env);
  const { step } = walk;
  switch (step.at) {
    case "exemption":
      return exemptionScreen(env, walk);
    case "externalPlan":
      return externalPlanScreen(env, walk);
    case "indicator":
      return indicatorScreen(env, walk, step);
    case "checklist":
      return checklistScreen(env, walk, step);
    case "evidence":
      return evidenceScreen(env, walk, step.id);
    case "confirm":
      return confirmScreen(env, walk, step);
    case "list":
      return listScreen(env, walk, step);
    case "summary":
      return renderIndicatorsSummary(env, walk, step.page, echoLine(env, walk, step.answered));
  }
}
