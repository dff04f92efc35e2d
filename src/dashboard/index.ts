import type { Config } from "../config.ts";
import type { Repositories } from "../db/index.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import type { Logger } from "../logger.ts";
import type { ServiceEndpoint } from "../runtime/service-endpoint.ts";
import { buildDashboardAssets } from "./assets.ts";
import { dashboardRoute } from "./http.ts";

/**
 * Serves the dashboard Mini App on the bot's own HTTP server (polling and webhook modes alike)
 * when DASHBOARD_URL is set: the page is bundled once, here, and its API reads the repositories.
 */
export async function serveDashboard(deps: {
  config: Config;
  repos: Repositories;
  logger: Logger;
  clock: () => Date;
  endpoint: Pick<ServiceEndpoint, "addRoute">;
  /** The methodology book in force (it may gain versions while the bot runs). */
  methodology: () => MethodologyBook;
}): Promise<void> {
  const dashboard = deps.config.dashboard;
  if (!dashboard) return;
  const assets = await buildDashboardAssets();
  deps.endpoint.addRoute(
    dashboardRoute({
      path: dashboard.path,
      botToken: deps.config.botToken,
      authMaxAgeSeconds: dashboard.authMaxAgeSeconds,
      zone: deps.config.timeZone,
      methodologyVariants: deps.config.methodologyVariants,
      repos: deps.repos,
      assets,
      logger: deps.logger,
      clock: deps.clock,
      methodology: deps.methodology,
    }),
  );
  deps.logger.info(
    { path: dashboard.path, scriptBytes: assets.js.body.length, gzipBytes: assets.js.gzip.length },
    "dashboard served",
  );
}
