import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Registry } from "prom-client";
import type { Logger } from "../logger.ts";
import type { Readiness } from "./readiness.ts";

/** Where Telegram posts updates and what to do with them; absent in polling mode. */
export interface WebhookEndpoint {
  path: string;
  secret: string;
  /**
   * Takes an update. The 200 is sent once this resolves (processing goes on in the background);
   * if it rejects, the answer is 503 and Telegram delivers the update again later.
   */
  acceptUpdate(update: Update): Promise<void>;
}

/** A part of the server: requests whose path starts with `prefix` (ending with "/") are its own. */
export interface HttpRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface HttpServerDeps {
  logger: Logger;
  /** Whether the bot can serve users, check by check (database, migrations, Bot API…). */
  checkReady(): Promise<Readiness>;
  /** Served at /metrics in Prometheus' text format. */
  metrics?: Registry;
  webhook?: WebhookEndpoint;
  /** More parts served under their own paths (the dashboard Mini App); read at each request. */
  routes?: () => readonly HttpRoute[];
  /** A request body must have arrived this long after its headers (default 10 s). */
  bodyTimeoutMs?: number;
}

// Telegram updates are a few kilobytes; anything this large is not one.
const MAX_BODY_BYTES = 1_000_000;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";
// Telegram sends a body at once; a client trickling one would hold a connection and a chat's turn.
const BODY_TIMEOUT_MS = 10_000;

/** A webhook request the server refuses for its body (too large, or too slow to arrive). */
class BodyRefused extends Error {
  constructor(
    readonly status: 408 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** One node:http server for /healthz, /readyz, /metrics and, in webhook mode, the webhook path. */
export function createHttpServer(deps: HttpServerDeps): Server {
  const server = createServer((req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      if (error instanceof BodyRefused) return refuseBody(req, res, deps.logger, error);
      deps.logger.error({ err: error, url: req.url }, "HTTP request failed");
      if (!res.headersSent) reply(res, 500, "internal error");
    });
  });
  // Node's own limits, a backstop behind the body timeout: headers within 10 s, a request in 20 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 20_000;
  return server;
}

/** Answers 413 or 408 and closes the connection: the rest of such a body is not worth reading. */
function refuseBody(
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
  refusal: BodyRefused,
) {
  logger.warn({ ip: req.socket.remoteAddress, status: refusal.status }, refusal.message);
  if (res.headersSent) return void req.destroy();
  res.writeHead(refusal.status, {
    "content-type": "text/plain; charset=utf-8",
    connection: "close",
  });
  res.end(refusal.status === 413 ? "payload too large" : "request timeout", () => req.destroy());
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: HttpServerDeps) {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (req.method === "GET" && path === "/healthz") return reply(res, 200, "ok");
  if (req.method === "GET" && path === "/readyz") {
    const readiness = await deps.checkReady();
    res.writeHead(readiness.ready ? 200 : 503, { "content-type": "application/json" });
    return void res.end(JSON.stringify(readiness));
  }
  if (req.method === "GET" && path === "/metrics" && deps.metrics) {
    const text = await deps.metrics.metrics();
    res.writeHead(200, { "content-type": deps.metrics.contentType });
    return void res.end(text);
  }
  const webhook = deps.webhook;
  if (!webhook || path !== webhook.path) {
    const routes = deps.routes?.() ?? [];
    const route = routes.find((r) => path.startsWith(r.prefix));
    if (route) return route.handle(req, res);
    // "/dashboard" for "/dashboard/": relative links inside it need the slash.
    if (routes.some((r) => `${path}/` === r.prefix)) {
      res.writeHead(308, { location: `${path}/` });
      return void res.end();
    }
    return reply(res, 404, "not found");
  }
  if (req.method !== "POST") return reply(res, 405, "method not allowed");
  if (!isSecretRight(req.headers[SECRET_HEADER], webhook.secret)) {
    deps.logger.warn({ ip: req.socket.remoteAddress }, "webhook request with a wrong secret token");
    return reply(res, 403, "forbidden");
  }
  const update = parseUpdate(await readBody(req, deps.bodyTimeoutMs ?? BODY_TIMEOUT_MS));
  if (!update) return reply(res, 400, "not an update");
  try {
    await webhook.acceptUpdate(update);
  } catch (error) {
    deps.logger.warn({ err: error, update_id: update.update_id }, "refused a webhook update");
    return reply(res, 503, "try again later");
  }
  // Telegram sends a chat's next update only after this answer, so ordering hinges on it.
  reply(res, 200, "ok");
}

function isSecretRight(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage, timeoutMs: number): Promise<string> {
  const tooLarge = () =>
    new BodyRefused(413, `webhook body too large (over ${MAX_BODY_BYTES} bytes): refused`);
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", finish);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const timer = setTimeout(
      () => finish(new BodyRefused(408, `webhook body did not arrive in time (${timeoutMs} ms)`)),
      timeoutMs,
    );
    req.on("data", onData).on("end", onEnd).on("error", finish);
  });
}

function parseUpdate(body: string): Update | undefined {
  try {
    const value: unknown = JSON.parse(body);
    const isUpdate =
      typeof value === "object" &&
      value !== null &&
      typeof Reflect.get(value, "update_id") === "number";
    return isUpdate ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}
