// The JSON the Mini App reads from the bot: its contract, shared by the server and the page.
// Points are integer hundredths (the page formats them with the domain's formatPoints); every
// word is already in the asked language.
import type { ReportingChartInput } from "../../charts/reporting-chart.ts";
import type { TrendChartInput } from "../../charts/trend-chart.ts";
import type { ReportingTally } from "../../domain/reports/reporting.ts";

export type Lang = "kk" | "ru";
export type Unit = "month" | "quarter" | "year";

/** A refusal: its code and a message in both languages (the page may not know which yet). */
export interface ErrorJson {
  error: "unauthorized" | "forbidden" | "notAllowed" | "notFound" | "badPeriod" | "failed";
  message: Record<Lang, string>;
}

export interface BodyLink {
  id: number;
  name: string;
}

/** Who opened the app and where they start. */
export interface SessionJson {
  name: string;
  role: "manager" | "admin";
  /** The language the person chose in the bot. */
  language: Lang;
  /** A manager's own body; admins start from the list of top-level bodies. */
  home: number | null;
  /** Top-level bodies (admins only), by kind then name, in the asked language. */
  roots: (BodyLink & { kind: string })[];
  /** The latest period of each unit with reports to look at. */
  latest: Record<Unit, string>;
  ui: Record<string, string>;
}

export interface ChangeJson {
  /** The other period's points and the difference, in hundredths. */
  points: number;
  change: number;
  /** "▲ +2,5 (было 20 за сентябрь 2026)". */
  text: string;
}

export interface StandingJson {
  points: number;
  rank: number;
  of: number;
  /** "3-е место из 12 среди местных исполнительных органов", or that it is not ranked. */
  rankText: string;
  previous: ChangeJson;
  lastYear: ChangeJson;
}

export interface IndicatorJson {
  /** The methodology's numbering: "4.2.3". */
  number: string;
  title: string;
  points: number;
  /** "4 из 10" when the period's reports have a most. */
  ofMax: string | null;
  /** What was reported, in words ("3 мероприятия"), or that nothing was. */
  reported: string;
  /** Some counted report of the period holds a value for it. */
  wasReported: boolean;
  /** The period's reports ask for it (a quarterly indicator is not asked in a month). */
  due: boolean;
}

export interface ProjectJson {
  id: string;
  number: string;
  title: string;
  standing: StandingJson;
  tasks: { number: string; title: string; points: number; indicators: IndicatorJson[] }[];
}

export interface SubordinateJson extends BodyLink {
  standing: StandingJson;
  /** "2 из 3", its own reports of the period. */
  reports: string;
  /** Nothing of what it owed was received: shown as not reported rather than as its points. */
  notReported: boolean;
}

export interface BodyViewJson {
  lang: Lang;
  ui: Record<string, string>;
  body: BodyLink & { kind: string };
  parent: BodyLink | null;
  /** "Данные на 20.11.2026, 14:00": when the figures were read (the print shows it). */
  asOf: string;
  period: {
    key: string;
    unit: Unit;
    label: string;
    /** Set when the period has not ended. */
    note: string | null;
    previous: { key: string; label: string };
    next: { key: string; label: string } | null;
    /** The period a unit tab opens: the month's quarter, the quarter's year… */
    units: Record<Unit, string>;
  };
  total: StandingJson & { unreviewed: string | null };
  projects: ProjectJson[];
  reporting: {
    tally: ReportingTally;
    /** "Получено 9 из 10 (90 %)", "вовремя 8 (80 %)", the rest; or that none was expected. */
    lines: string[];
    notReceived: string[];
  };
  subordinates: SubordinateJson[];
  charts: { trend: TrendChartInput; reporting: ReportingChartInput };
}
