import type { IndicatorDef, MethodologyVersion, ProjectDef, TaskDef } from "./types.ts";

type Place = { project: ProjectDef; task: TaskDef; indicator: IndicatorDef };

// Versions are immutable once loaded: their indexes are built once, on first use.
const PLACES = new WeakMap<MethodologyVersion, Map<string, Place>>();

function placesOf(version: MethodologyVersion): Map<string, Place> {
  let places = PLACES.get(version);
  if (!places) {
    places = new Map();
    for (const project of version.projects) {
      for (const task of project.tasks) {
        for (const indicator of task.indicators)
          places.set(indicator.id, { project, task, indicator });
      }
    }
    PLACES.set(version, places);
  }
  return places;
}

/** Every indicator id of a version, in methodology order. */
export function indicatorIdsOf(version: MethodologyVersion): string[] {
  return version.indicators.map((d) => d.id);
}

/** The indicator with this id in the version, or undefined. */
export function findIndicator(version: MethodologyVersion, id: string): IndicatorDef | undefined {
  return placesOf(version).get(id)?.indicator;
}

/** The project and task an indicator belongs to in the version. */
export function locateIndicator(
  version: MethodologyVersion,
  id: string,
): { project: ProjectDef; task: TaskDef } | undefined {
  return placesOf(version).get(id);
}

/** The project of a version with this id. */
export function findProject(version: MethodologyVersion, id: string): ProjectDef | undefined {
  return version.projects.find((p) => p.id === id);
}

/** How many entries a period's list may hold: 12 months, 4 quarters, or one annual value. */
export function maxEntriesOf(def: IndicatorDef): number {
  return def.period === "monthly" ? 12 : def.period === "quarterly" ? 4 : 1;
}
