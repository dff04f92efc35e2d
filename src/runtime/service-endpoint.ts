import type { Server } from "node:http";
import type { Update } from "grammy/types";
import type { Registry } from "prom-client";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createHttpServer, type HttpRoute } from "./http-server.ts";
import { createReadinessCheck, type Probe } from "./readiness.ts";

/**
 * The process's HTTP side (/healthz, /readyz, /metrics and, in webhook mode, the webhook path),
 * up from the first moment of start-up: while the database opens, migrations run or the Bot API
 * cannot be reached yet, /healthz answers and /readyz says what start-up is waiting for.
 */
export interface ServiceEndpoint {
  /** Adds readiness checks as what they check comes up (the database, then the Bot API). */
  addProbes(probes: Record<string, Probe>, cachedProbes?: Record<string, Probe>): void;
  /** What start-up is doing; /readyz names it ("updates" not ok) until updates flow. */
  startingUp(what: string): void;
  /** Updates flow: /readyz asks `isTaking`; in webhook mode requests go to `accept`. */
  takeUpdates(isTaking: () => boolean, accept?: (update: Update) => Promise<void>): void;
  /** Serves another part under its path from now on (the dashboard, once the database is up). */
  addRoute(route: HttpRoute): void;
  /** Stops listening once the requests in progress are answered. */
  close(): Promise<void>;
}

export interface ServiceEndpointDeps {
  config: Pick<Config, "mode">;
  logger: Logger;
  metrics?: Registry;
}

/** Listens on HTTP_PORT (polling; no server when unset) or PORT (webhook) at once. */
export async function openServiceEndpoint(deps: ServiceEndpointDeps): Promise<ServiceEndpoint> {
  const probes: Record<string, Probe> = {};
  const cachedProbes: Record<string, Probe> = {};
  let phase = "starting";
  let isTaking: (() => boolean) | undefined;
  let accept: ((update: Update) => Promise<void>) | undefined;
  const routes: HttpRoute[] = [];
  const updates: Probe = async () => {
    if (!isTaking) throw new Error(`starting: ${phase}`);
    if (!isTaking()) throw new Error("not taking updates (stopping or stopped)");
  };
  let checkReady = createReadinessCheck({ probes: { updates } });
  const mode = deps.config.mode;
  const port = mode.type === "webhook" ? mode.port : mode.httpPort;
  let server: Server | undefined;
  if (port !== undefined) {
    server = createHttpServer({
      logger: deps.logger,
      metrics: deps.metrics,
      checkReady: () => checkReady(),
      routes: () => routes,
      webhook:
        mode.type === "webhook"
          ? {
              path: new URL(mode.url).pathname,
              secret: mode.secret,
              // Until the bot takes updates a 503 makes Telegram deliver the update again later.
              acceptUpdate: (update) =>
                accept ? accept(update) : Promise.reject(new Error(`starting: ${phase}`)),
            }
          : undefined,
    });
    await listen(server, port, mode.host);
  }
  return {
    addProbes(more, moreCached = {}) {
      Object.assign(probes, more);
      Object.assign(cachedProbes, moreCached);
      checkReady = createReadinessCheck({ probes: { updates, ...probes }, cachedProbes });
    },
    startingUp(what) {
      phase = what;
    },
    takeUpdates(taking, acceptUpdate) {
      isTaking = taking;
      accept = acceptUpdate;
    },
    addRoute(route) {
      routes.push(route);
    },
    close: () => (server ? closeServer(server) : Promise.resolve()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections (Telegram's, a proxy's) go idle after their last answer; close them
    // as they do, or close() would wait for the client to hang up.
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
