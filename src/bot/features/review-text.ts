// What the reviewer reads of a report: answers, events, the exemption claim, confirmations and
// a version's changes, all in words (the methodology's numbering, never its ids).
import { formatCalendarDate, formatDateTime } from "../../domain/calendar/format.ts";
import { findIndicator } from "../../domain/methodology/lookup.ts";
import type { IndicatorDef, MethodologyVersion } from "../../domain/methodology/types.ts";
import type { EventContent, VersionChange } from "../../domain/reports/version-diff.ts";
import type { Confirmation, ExemptionClaim } from "../../domain/reports/version-meta.ts";
import type { PropagandaValue } from "../../domain/scoring/values.ts";
import type { Lang } from "../../i18n.ts";
import type { KeysUnder } from "../../i18n-keys.ts";
import { dataKey } from "../../i18n-keys.ts";
import type { Translate } from "../context.ts";
import { answerText, shareText } from "../forms/indicators-text.ts";

const r = (t: Translate, key: KeysUnder<"admin", "review.">, params?: Record<string, unknown>) =>
  t(`admin:review.${key}`, params);

/** A whole number with thin groups: 50000 → "50 000". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * An indicator's stored value in words, as the officer's form says it (one wording for both: the
 * methodology's), the monthly propaganda summary in the reviewer's words; unknown shapes field by
 * field.
 */
export function describeValue(t: Translate, def: IndicatorDef | undefined, value: unknown): string {
  if (value === undefined) return r(t, "value.none");
  try {
    if (def?.input === "propaganda") {
      const p = value as PropagandaValue;
      return p.published
        ? r(t, "value.propagandaPublished", { events: p.events, views: formatCount(p.views) })
        : r(t, "value.propagandaNotPublished", { events: p.events });
    }
    if (def && (value === null || def.input !== "count" || typeof value === "number"))
      return answerText(t, def, value);
    return genericValue(t, value);
  } catch {
    return genericValue(t, value);
  }
}

/** Any stored value as "name: value" parts, for shapes the indicator does not name. */
function genericValue(t: Translate, value: unknown): string {
  if (value === null || value === undefined) return r(t, "value.none");
  if (typeof value === "boolean") return r(t, value ? "yes" : "no");
  if (typeof value === "number") return formatCount(value);
  if (Array.isArray(value)) return value.map((v) => genericValue(t, v)).join("; ");
  if (isObject(value)) {
    return Object.entries(value)
      .map(
        ([key, v]) =>
          `${t(dataKey(`admin:review.fields.${key}`), { defaultValue: key })}: ${genericValue(t, v)}`,
      )
      .join(", ");
  }
  return String(value);
}

/** "4.2.3 Short title" of an indicator of the version, the id only when the version has no such indicator. */
export function indicatorLabel(version: MethodologyVersion, id: string, lang: Lang): string {
  const def = findIndicator(version, id);
  return def ? `${def.number} ${def.shortTitle[lang]}` : id;
}

/** An event line in words: date · kind · topic · participants · position · audience · link · views. */
export function eventText(t: Translate, event: EventContent): string {
  const parts = [
    formatCalendarDate(event.date),
    r(t, `eventKinds.${event.kind}`),
    event.kind === "preventive" && event.position === event.topic ? "" : event.topic,
  ];
  if (event.kind !== "preventive") {
    parts.push(r(t, "participants", { count: formatCount(event.participants) }));
  }
  if (event.position) parts.push(event.position);
  if (event.audience) parts.push(event.audience);
  if (event.link) parts.push(event.link);
  if (event.views !== null && event.views !== undefined) {
    parts.push(r(t, "views", { count: formatCount(event.views) }));
  }
  return parts.filter(Boolean).join(" · ");
}

/** The annual report's project-1 exemption claim and the external plan's share, if claimed. */
export function exemptionLines(
  t: Translate,
  claim: ExemptionClaim,
  version: MethodologyVersion,
  lang: Lang,
): string[] {
  if (claim.exempt === undefined) return [];
  if (!claim.exempt) return [r(t, "exemption.notClaimed")];
  const lines = [r(t, "exemption.claimed")];
  const plan = version.exemption.externalPlan.title[lang];
  lines.push(
    claim.externalPlan
      ? r(t, "exemption.plan", { plan, share: shareText(t, claim.externalPlan) })
      : r(t, "exemption.planMissing", { plan }),
  );
  return lines;
}

/** The values the commissioner confirmed although far from the body's usual, with when. */
export function confirmationLines(
  t: Translate,
  confirmations: readonly Confirmation[],
  zone: string,
): string[] {
  if (confirmations.length === 0) return [];
  return [
    r(t, "confirmations.title"),
    ...confirmations.map((c) =>
      r(t, "confirmations.line", {
        what: r(t, `confirmations.fields.${c.field}`),
        value: formatCount(c.value),
        usual: formatCount(c.usual),
        at: formatDateTime(c.at, zone),
      }),
    ),
  ];
}

function eventFieldValue(t: Translate, event: EventContent, field: string): string {
  const value = (event as unknown as Record<string, unknown>)[field];
  if (value === null || value === undefined || value === "") return r(t, "value.none");
  if (field === "date") return formatCalendarDate(String(value));
  if (typeof value === "number") return formatCount(value);
  return String(value);
}

function claimWord(t: Translate, exempt: boolean | undefined): string {
  return r(t, `diff.exempt.${exempt === undefined ? "unknown" : exempt ? "yes" : "no"}`);
}

/** One line per change, in words; `version` is the methodology the report's period is scored by. */
export function changeLines(
  t: Translate,
  changes: readonly VersionChange[],
  version: MethodologyVersion,
  lang: Lang,
): string[] {
  return changes.map((change) => {
    switch (change.type) {
      case "value": {
        const def = findIndicator(version, change.indicatorId);
        return r(t, "diff.value", {
          indicator: indicatorLabel(version, change.indicatorId, lang),
          before: describeValue(t, def, change.before),
          after: describeValue(t, def, change.after),
        });
      }
      case "eventAdded":
        return r(t, "diff.eventAdded", { event: eventText(t, change.event) });
      case "eventRemoved":
        return r(t, "diff.eventRemoved", { event: eventText(t, change.event) });
      case "eventChanged":
        return r(t, "diff.eventChanged", {
          event: eventText(t, change.before),
          fields: change.fields
            .map((field) =>
              r(t, "diff.field", {
                field: r(t, `diff.fields.${field}`),
                before: eventFieldValue(t, change.before, field),
                after: eventFieldValue(t, change.after, field),
              }),
            )
            .join("; "),
        });
      case "files":
        return r(t, "diff.files", { before: change.before, after: change.after });
      case "linkAdded":
        return r(t, "diff.linkAdded", { link: change.link });
      case "linkRemoved":
        return r(t, "diff.linkRemoved", { link: change.link });
      case "exemption":
        return r(t, "diff.exemption", {
          before: claimWord(t, change.before),
          after: claimWord(t, change.after),
        });
      case "externalPlan":
        return r(t, "diff.externalPlan", {
          plan: version.exemption.externalPlan.shortTitle[lang],
          before: change.before ? shareText(t, change.before) : r(t, "value.none"),
          after: change.after ? shareText(t, change.after) : r(t, "value.none"),
        });
    }
    return "";
  });
}
