// Several events or officials in one message, one per line: "15.10; Семинар по этике; 25".
import type { ExplanatoryEvent, PreventiveTalk } from "../../reports/draft.ts";
import { checkCount, checkEventDate, checkText, dateExample } from "../../reports/report-fields.ts";
import type { FormProblem } from "../answer.ts";
import { problemOfCheck } from "../outcome.ts";
import { looksLikePersonalName } from "../personal-name.ts";

/** A line that could not be read, with why. */
export interface BadLine {
  line: string;
  problem: FormProblem;
}

export interface ParsedLines<T> {
  items: T[];
  bad: BadLine[];
}

/** Whether a message is meant as lines of items: at least one line with a ";" or a tab. */
export function looksLikeLines(text: string): boolean {
  return text.split("\n").some((line) => /[;\t]/.test(line));
}

function fieldsOf(line: string): string[] {
  return line.split(/[;\t]/).map((part) => part.trim());
}

const mine = (code: string): FormProblem => ({ key: `monthly-report:problems.${code}` });

/** How a line is written, its example dated inside the report's month («15.09; …»). */
export function lineFormat(
  code: "explanatoryLineFormat" | "preventiveLineFormat",
  month: string,
): FormProblem {
  return {
    key: `monthly-report:problems.${code}`,
    params: { date: dateExample(month).date.slice(0, 5) },
  };
}

/** "date; topic; participants" lines of explanatory events. */
export function parseExplanatoryLines(month: string, text: string): ParsedLines<ExplanatoryEvent> {
  const result: ParsedLines<ExplanatoryEvent> = { items: [], bad: [] };
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [date = "", topic = "", participants = "", ...rest] = fieldsOf(line);
    if (rest.length > 0 || participants === "") {
      result.bad.push({ line, problem: lineFormat("explanatoryLineFormat", month) });
      continue;
    }
    const d = checkEventDate(month, date);
    const t = checkText(topic);
    const p = checkCount(participants, { min: 1 });
    const failed = [d, t, p].find((check) => !check.ok);
    if (failed && !failed.ok) result.bad.push({ line, problem: problemOfCheck(failed) });
    else if (d.ok && t.ok && p.ok)
      result.items.push({ date: d.value, topic: t.value, participants: p.value });
  }
  return result;
}

/** "position; date" lines of officials the ethics commissioner worked with. */
export function parsePreventiveLines(month: string, text: string): ParsedLines<PreventiveTalk> {
  const result: ParsedLines<PreventiveTalk> = { items: [], bad: [] };
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [position = "", date = "", ...rest] = fieldsOf(line);
    if (rest.length > 0 || date === "") {
      result.bad.push({ line, problem: lineFormat("preventiveLineFormat", month) });
      continue;
    }
    const p = checkText(position);
    const d = checkEventDate(month, date);
    if (!p.ok) result.bad.push({ line, problem: problemOfCheck(p) });
    else if (looksLikePersonalName(p.value))
      result.bad.push({ line, problem: mine("personalName") });
    else if (!d.ok) result.bad.push({ line, problem: problemOfCheck(d) });
    else result.items.push({ position: p.value, date: d.value });
  }
  return result;
}
