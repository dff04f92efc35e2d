import { METHODOLOGY } from "./data.ts";
import type { IndicatorDef, ProjectDef, TaskDef } from "./types.ts";

/** Every indicator in methodology order. */
export const INDICATORS: readonly IndicatorDef[] = METHODOLOGY.projects.flatMap((p) =>
  p.tasks.flatMap((t) => t.indicators),
);

/** Every indicator id in methodology order. */
export const INDICATOR_IDS: readonly string[] = INDICATORS.map((d) => d.id);

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

/** The indicator with this id, or undefined. */
export function findIndicator(id: string): IndicatorDef | undefined {
  return BY_ID.get(id);
}

/** The project and task an indicator belongs to. */
export function locateIndicator(id: string): { project: ProjectDef; task: TaskDef } | undefined {
  for (const project of METHODOLOGY.projects) {
    for (const task of project.tasks) {
      if (task.indicators.some((d) => d.id === id)) return { project, task };
    }
  }
  return undefined;
}

/** How many entries a period's list may hold: 12 months, 4 quarters, or one annual value. */
export function maxEntriesOf(def: IndicatorDef): number {
  return def.period === "monthly" ? 12 : def.period === "quarterly" ? 4 : 1;
}
