import { formatPoints } from "../../domain/points.ts";
import type {
  BodyViewJson,
  IndicatorJson,
  ProjectJson,
  StandingJson,
  SubordinateJson,
  Unit,
} from "./api-types.ts";
import { drawReporting, drawTrend } from "./charts.ts";
import { button, h } from "./dom.ts";

/** What the view can ask the app to do. */
export interface ViewActions {
  openBody(id: number): void;
  openPeriod(key: string): void;
  setLanguage(lang: "kk" | "ru"): void;
  print(): void;
}

const UNITS: readonly Unit[] = ["month", "quarter", "year"];

/** The dashboard of one body and period, built from the API's answer. */
export function renderView(
  view: BodyViewJson,
  actions: ViewActions,
  options: { print: boolean; home: number | null },
): HTMLElement {
  const ui = view.ui;
  const trendBox = h("div", { class: "chart", "data-chart": "trend" });
  const reportingBox = h("div", { class: "chart", "data-chart": "reporting" });
  const root = h(
    "div",
    {
      class: "view",
      "data-body": String(view.body.id),
      "data-period": view.period.key,
      "data-lang": view.lang,
    },
    header(view, actions, options),
    periodBar(view, actions),
    totalCard(view),
    projectsCard(view, options.print),
    reportingCard(view),
    subordinatesCard(view, actions),
    h("section", { class: "card trend" }, h("h2", {}, ui.trend ?? ""), trendBox),
    h(
      "section",
      { class: "card reporting-trend" },
      h("h2", {}, ui.reportingTrend ?? ""),
      reportingBox,
    ),
  );
  // Charts are laid out once their boxes have a width on the page.
  requestAnimationFrame(() => {
    drawTrend(trendBox, view.charts.trend, options.print);
    drawReporting(reportingBox, view.charts.reporting, options.print);
    root.dataset.ready = "true";
  });
  return root;
}

function header(view: BodyViewJson, actions: ViewActions, options: { home: number | null }) {
  const ui = view.ui;
  const languages = h(
    "div",
    { class: "languages no-print", role: "group" },
    ...(["kk", "ru"] as const).map((lang) =>
      button(
        lang === "kk" ? (ui.languageKk ?? "ҚАЗ") : (ui.languageRu ?? "РУС"),
        () => actions.setLanguage(lang),
        {
          class: lang === view.lang ? "chosen" : undefined,
          "aria-pressed": String(lang === view.lang),
          "data-lang": lang,
        },
      ),
    ),
  );
  const links = h(
    "nav",
    { class: "links" },
    view.parent
      ? button(`↑ ${view.parent.name}`, () => actions.openBody(view.parent!.id), { class: "link" })
      : null,
    options.home !== null && options.home !== view.body.id && !view.parent
      ? button(ui.home ?? "", () => actions.openBody(options.home!), { class: "link" })
      : null,
  );
  return h(
    "header",
    {},
    h("div", { class: "title-row" }, h("h1", {}, view.body.name), languages),
    h("p", { class: "muted" }, view.body.kind),
    h("p", { class: "as-of" }, view.asOf),
    links,
    button(ui.print ?? "", actions.print, { class: "print-button no-print" }),
  );
}

function periodBar(view: BodyViewJson, actions: ViewActions) {
  const { period, ui } = view;
  return h(
    "section",
    { class: "period" },
    h(
      "div",
      { class: "tabs no-print", role: "tablist" },
      ...UNITS.map((unit) =>
        button(ui[unit] ?? unit, () => actions.openPeriod(period.units[unit]), {
          class: unit === period.unit ? "chosen" : undefined,
          role: "tab",
          "aria-selected": String(unit === period.unit),
          "data-unit": unit,
        }),
      ),
    ),
    h(
      "div",
      { class: "stepper" },
      button(`◀ ${period.previous.label}`, () => actions.openPeriod(period.previous.key), {
        class: "step no-print",
        "data-step": "previous",
      }),
      h("strong", { class: "current", "data-period-label": "" }, period.label),
      period.next
        ? button(`${period.next.label} ▶`, () => actions.openPeriod(period.next!.key), {
            class: "step no-print",
            "data-step": "next",
          })
        : h("span", { class: "step" }),
    ),
    period.note ? h("p", { class: "note" }, period.note) : null,
  );
}

function changeLines(ui: Record<string, string>, standing: StandingJson) {
  return [
    h("p", { class: "change" }, `${ui.vsPrevious}: `, changeSpan(standing.previous)),
    h("p", { class: "change" }, `${ui.vsLastYear}: `, changeSpan(standing.lastYear)),
  ];
}

function changeSpan(change: StandingJson["previous"]) {
  const direction = change.change > 0 ? "up" : change.change < 0 ? "down" : "same";
  return h("span", { class: `delta ${direction}` }, change.text);
}

/** "▲ +2,5", "▼ −1", "=" for the narrow column of a table. */
function shortChange(change: number) {
  const direction = change > 0 ? "up" : change < 0 ? "down" : "same";
  const text =
    change > 0 ? `▲ +${formatPoints(change)}` : change < 0 ? `▼ −${formatPoints(-change)}` : "=";
  return h("span", { class: `delta ${direction}` }, text);
}

function totalCard(view: BodyViewJson) {
  const { total, ui } = view;
  return h(
    "section",
    { class: "card total" },
    h("h2", {}, ui.total ?? ""),
    h("p", { class: "big", "data-total": String(total.points) }, formatPoints(total.points)),
    h("p", { class: "rank" }, total.rankText),
    ...changeLines(ui, total),
    total.unreviewed ? h("p", { class: "muted" }, total.unreviewed) : null,
  );
}

function projectsCard(view: BodyViewJson, print: boolean) {
  return h(
    "section",
    { class: "card projects" },
    h("h2", {}, view.ui.projects ?? ""),
    ...view.projects.map((project) => projectBlock(view, project, print)),
  );
}

function projectBlock(view: BodyViewJson, project: ProjectJson, print: boolean) {
  const details = h(
    "details",
    { class: "project", "data-project": project.id },
    h(
      "summary",
      {},
      h("span", { class: "name" }, `${project.number}. ${project.title}`),
      h(
        "span",
        { class: "points", "data-points": String(project.standing.points) },
        formatPoints(project.standing.points),
      ),
    ),
    h("p", { class: "rank" }, project.standing.rankText),
    ...changeLines(view.ui, project.standing),
    h("h3", { class: "no-print" }, view.ui.tasks ?? ""),
    ...project.tasks.map((task) =>
      h(
        "div",
        { class: "task no-print" },
        h(
          "p",
          { class: "task-title" },
          h("span", { class: "name" }, `${task.number} ${task.title}`),
          h("span", { class: "points" }, formatPoints(task.points)),
        ),
        h("ul", { class: "indicators" }, ...task.indicators.map((i) => indicatorItem(view, i))),
      ),
    ),
  );
  if (print) details.open = false;
  return details;
}

function indicatorItem(view: BodyViewJson, indicator: IndicatorJson) {
  const figures = indicator.due
    ? h(
        "p",
        { class: "indicator-figures" },
        h("strong", {}, indicator.ofMax ?? formatPoints(indicator.points)),
        " · ",
        h(
          "span",
          { class: "reported" },
          indicator.wasReported ? `${view.ui.reported}: ${indicator.reported}` : indicator.reported,
        ),
      )
    : h("p", { class: "indicator-figures muted" }, view.ui.notAsked ?? "");
  return h(
    "li",
    { "data-indicator": indicator.number },
    h("p", { class: "indicator-title" }, `${indicator.number} ${indicator.title}`),
    figures,
  );
}

function reportingCard(view: BodyViewJson) {
  const { reporting, ui } = view;
  return h(
    "section",
    { class: "card reporting" },
    h("h2", {}, ui.reporting ?? ""),
    ...reporting.lines.map((line, i) => h("p", { class: i === 0 ? "rate" : "muted" }, line)),
    reporting.notReceived.length > 0
      ? h(
          "div",
          { class: "missing" },
          h("p", {}, ui.notReceivedTitle ?? ""),
          h("ul", {}, ...reporting.notReceived.slice(0, 30).map((line) => h("li", {}, line))),
        )
      : reporting.tally.expected > 0
        ? h("p", { class: "ok" }, ui.allReceived ?? "")
        : null,
  );
}

function subordinatesCard(view: BodyViewJson, actions: ViewActions) {
  const ui = view.ui;
  if (view.subordinates.length === 0) {
    return h(
      "section",
      { class: "card subordinates" },
      h("h2", {}, ui.subordinates ?? ""),
      h("p", { class: "muted" }, ui.noSubordinates ?? ""),
    );
  }
  const row = (line: SubordinateJson) =>
    h(
      "tr",
      { "data-subordinate": String(line.id) },
      h(
        "td",
        {},
        button(line.name, () => actions.openBody(line.id), { class: "link" }),
      ),
      h(
        "td",
        { class: "num" },
        line.notReported
          ? h("span", { class: "not-reported" }, ui.notReported ?? "")
          : formatPoints(line.standing.points),
      ),
      h("td", { class: "num" }, line.standing.rank === 0 ? "—" : String(line.standing.rank)),
      h("td", { class: "num" }, shortChange(line.standing.previous.change)),
      h("td", { class: "num" }, line.reports),
    );
  return h(
    "section",
    { class: "card subordinates" },
    h("h2", {}, ui.subordinates ?? ""),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, ui.columnBody ?? ""),
            h("th", { class: "num" }, ui.columnPoints ?? ""),
            h("th", { class: "num" }, ui.columnRank ?? ""),
            h("th", { class: "num" }, ui.columnChange ?? ""),
            h("th", { class: "num" }, ui.columnReports ?? ""),
          ),
        ),
        h("tbody", {}, ...view.subordinates.map(row)),
      ),
    ),
  );
}
