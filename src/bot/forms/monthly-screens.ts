// What the commissioner sees at each step of the monthly report: one short screen a question,
// the part named once in a header line, last month's value beside the count it is compared with.
import { formatCalendarDate, formatMonth } from "../../domain/calendar/format.ts";
import { ACCEPTED_FILE_TYPES } from "../../domain/forms/evidence-file.ts";
import { evidenceItemsOf } from "../../domain/forms/monthly/items.ts";
import {
  INDICATOR_OF_SECTION,
  type MonthlySection,
  type MonthlyStep,
  monthlyStepOf,
} from "../../domain/forms/monthly/steps.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import { dateExample } from "../../domain/reports/report-fields.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { KeysUnder } from "../../i18n-keys.ts";
import type { Translate } from "../context.ts";
import { renderMonthlySummary } from "./monthly-summary.ts";
import { formatCount, type MonthlyEnv, mr, numberOf, sectionLines } from "./monthly-text.ts";
import type { Screen, ScreenButton } from "./screen.ts";

const button = (
  t: Translate,
  name: KeysUnder<"monthly-report", "buttons.">,
  action: string = name,
): ScreenButton => ({
  text: mr(t, `buttons.${name}`),
  action,
});

const SECTION_NUMBER: Record<MonthlySection | "evidence", number> = {
  explanatory: 1,
  preventive: 2,
  propaganda: 3,
  evidence: 4,
};

function header(env: MonthlyEnv, d: ReportDraft, section: MonthlySection | "evidence"): string {
  const month = formatMonth(d.periodKey, env.lang);
  return mr(env.t, "header", {
    month: month.charAt(0).toLocaleUpperCase() + month.slice(1),
    n: SECTION_NUMBER[section],
    section: mr(env.t, `sections.${section}`),
  });
}

// A phone shows about this many lines at once; the summary before sending lists them all.
const LINES_SHOWN = 5;

function listed(t: Translate, lines: string[]): string {
  if (lines.length === 0) return mr(t, "nothingYet");
  const hidden = Math.max(0, lines.length - LINES_SHOWN);
  const shown = lines.slice(hidden).map((line, i) => `${hidden + i + 1}. ${line}`);
  return (hidden > 0 ? [mr(t, "moreAbove", { n: hidden }), ...shown] : shown).join("\n");
}

function previousLine(env: MonthlyEnv, section: MonthlySection): string | undefined {
  const previous = env.history.previous;
  if (!previous) return undefined;
  const count = previous[section];
  const value =
    section === "preventive" ? mr(env.t, "officials", { count }) : mr(env.t, "events", { count });
  return mr(env.t, "previous", { month: formatMonth(previous.month, env.lang), value });
}

function listScreen(env: MonthlyEnv, d: ReportDraft, section: MonthlySection): Screen {
  const t = env.t;
  const lines = sectionLines(t, d, section);
  const example = dateExample(d.periodKey);
  const hint =
    section === "propaganda"
      ? mr(t, "hints.propaganda")
      : mr(t, `hints.${section}`, {
          example: mr(t, `lineExample.${section}`, { date: example.date }),
        });
  const text = [
    header(env, d, section),
    mr(t, `about.${section}`, { number: numberOf(env.version, section) }),
    previousLine(env, section),
    "",
    mr(t, "added"),
    listed(t, section === "propaganda" ? lines.map((l) => truncateGraphemes(l, 160)) : lines),
    "",
    hint,
  ].filter((line) => line !== undefined);
  const rows: ScreenButton[][] = [[button(t, "add"), button(t, "done")]];
  if (lines.length > 0) rows.push([button(t, "undo")]);
  rows.push([button(t, "back")]);
  return { text: text.join("\n"), buttons: rows };
}

const ask = (
  env: MonthlyEnv,
  key: KeysUnder<"monthly-report", "ask.">,
  params: Record<string, unknown> = {},
  rows: ScreenButton[][] = [],
): Screen => ({
  text: mr(env.t, `ask.${key}`, params),
  buttons: [...rows, [button(env.t, "back")]],
});

function pendingLinks(d: ReportDraft): string[] {
  const links = d.pending.links;
  return Array.isArray(links) ? links.filter((l): l is string => typeof l === "string") : [];
}

function evidenceScreen(env: MonthlyEnv, d: ReportDraft, page: number): Screen {
  const t = env.t;
  const items = evidenceItemsOf(d);
  const perPage = 8;
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(page, pages - 1);
  const files = d.evidence.filter((e) => e.type !== "link");
  const count = (item: string) => files.filter((e) => e.item === item).length;
  const rows = items.slice(current * perPage, (current + 1) * perPage).map((item) => [
    {
      text: `📎 ${truncateGraphemes(evidenceItemLabel(t, d, item.item), 40)} (${count(item.item)})`,
      action: `item:${item.item}`,
    },
  ]);
  const nav: ScreenButton[] = [];
  if (current > 0) nav.push({ text: mr(t, "buttons.previousPage"), action: `page:${current - 1}` });
  if (current < pages - 1)
    nav.push({ text: mr(t, "buttons.nextPage"), action: `page:${current + 1}` });
  if (nav.length > 0) rows.push(nav);
  rows.push([button(t, "next")], [button(t, "back")]);
  const text = [
    header(env, d, "evidence"),
    mr(t, "evidence.intro", { files: mr(t, "files", { count: files.length }) }),
    mr(t, "evidence.choose"),
  ];
  return { text: text.join("\n"), buttons: rows };
}

/** What an evidence item is called: a part's name, or "№2 15.10 Тема…" for one event. */
export function evidenceItemLabel(t: Translate, d: ReportDraft, item: string): string {
  const event = /^event:(explanatory|propaganda):(\d+)$/.exec(item);
  if (event) {
    const list = event[1] === "explanatory" ? d.explanatoryEvents : d.propagandaEvents;
    const e = list[Number(event[2])];
    if (e)
      return mr(t, "evidence.event", {
        n: Number(event[2]) + 1,
        date: formatCalendarDate(e.date).slice(0, 5),
        topic: e.topic,
      });
  }
  const section = (Object.keys(INDICATOR_OF_SECTION) as MonthlySection[]).find(
    (s) => INDICATOR_OF_SECTION[s] === item,
  );
  return section ? mr(t, `sections.${section}`) : item;
}

function confirmScreen(env: MonthlyEnv, step: Extract<MonthlyStep, { at: "confirm" }>): Screen {
  const t = env.t;
  const times = Math.floor(step.value / Math.max(1, step.usual));
  const views = (n: number) => mr(t, "views", { count: n, n: formatCount(n) });
  const text =
    step.field === "views"
      ? mr(t, "confirm.views", { value: views(step.value), usual: views(step.usual), times })
      : mr(t, "confirm.count", {
          value: formatCount(step.value),
          usual: formatCount(step.usual),
          times,
        });
  return { text, buttons: [[button(t, "confirm"), button(t, "fix")], [button(t, "back")]] };
}

/** The screen of the draft's current step. */
export function renderMonthlyScreen(d: ReportDraft, env: MonthlyEnv): Screen {
  const t = env.t;
  const step = monthlyStepOf(d);
  const example = dateExample(d.periodKey);
  const eventNo = { n: d.explanatoryEvents.length + 1 };
  const propagandaNo = { n: d.propagandaEvents.length + 1 };
  switch (step.at) {
    case "explanatory":
    case "preventive":
    case "propaganda":
      return listScreen(env, d, step.at);
    case "explanatoryDate":
      return ask(env, "eventDate", { ...eventNo, ...example });
    case "explanatoryTopic":
      return ask(env, "eventTopic", eventNo);
    case "explanatoryParticipants":
      return ask(env, "eventParticipants", eventNo);
    case "preventivePosition":
      return ask(env, "position", { n: d.preventiveTalks.length + 1 });
    case "preventiveDate":
      return ask(env, "talkDate", {
        n: d.preventiveTalks.length + 1,
        position: String(d.pending.position ?? ""),
        ...example,
      });
    case "propagandaDate":
      return ask(env, "eventDate", { ...propagandaNo, ...example });
    case "propagandaTopic":
      return ask(env, "eventTopic", propagandaNo);
    case "propagandaAudience":
      return ask(env, "eventAudience", propagandaNo);
    case "propagandaParticipants":
      return ask(env, "propagandaParticipants", propagandaNo);
    case "propagandaPublished":
      return ask(env, "published", propagandaNo, [[button(t, "yes"), button(t, "no")]]);
    case "propagandaLinks": {
      const links = pendingLinks(d);
      if (links.length === 0) return ask(env, "links", propagandaNo);
      return ask(env, "linksMore", { ...propagandaNo, list: listed(t, links) }, [
        [button(t, "done"), button(t, "undoLink", "undo")],
      ]);
    }
    case "propagandaViews": {
      const screen = ask(env, "views", propagandaNo);
      const previous = env.history.previous;
      if (!previous || previous.views === 0) return screen;
      const views = mr(t, "views", { count: previous.views, n: formatCount(previous.views) });
      return { ...screen, text: `${screen.text}\n${mr(t, "previousViews", { views })}` };
    }
    case "evidence":
      return evidenceScreen(env, d, step.page);
    case "evidenceFiles": {
      const count = d.evidence.filter((e) => e.item === step.item && e.type !== "link").length;
      const rows = [[button(t, "done"), ...(count > 0 ? [button(t, "undoFile", "undo")] : [])]];
      const item = evidenceItemLabel(t, d, step.item);
      return {
        text: mr(t, "evidence.files", { item, count, types: ACCEPTED_FILE_TYPES }),
        buttons: [...rows, [button(t, "back")]],
      };
    }
    case "confirm":
      return confirmScreen(env, step);
    case "summary":
      return renderMonthlySummary(d, env, step.page);
    case "editSection":
      return {
        text: mr(t, "editSection"),
        buttons: [
          [button(t, "secExplanatory", "sec:explanatory")],
          [button(t, "secPreventive", "sec:preventive")],
          [button(t, "secPropaganda", "sec:propaganda")],
          [button(t, "secEvidence", "sec:evidence")],
          [button(t, "back")],
        ],
      };
  }
}
