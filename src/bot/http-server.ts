import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.ts";

/** Where Telegram posts updates and what to do with them; absent in polling mode. */
export interface WebhookEndpoint {
  path: string;
  secret: string;
  /** Called after the 200 response is sent; processing continues in the background. */
  acceptUpdate(update: Update): void;
}

export interface HttpServerDeps {
  logger: Logger;
  /** True when the bot can serve users (database reachable, updates flowing). */
  checkReady(): boolean | Promise<boolean>;
  webhook?: WebhookEndpoint;
}

// Telegram updates are a few kilobytes; anything this large is not one.
const MAX_BODY_BYTES = 1_000_000;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** One node:http server for /healthz, /readyz and, in webhook mode, the webhook path. */
export function createHttpServer(deps: HttpServerDeps): Server {
  return createServer((req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.logger.error({ err: error, url: req.url }, "HTTP request failed");
      if (!res.headersSent) reply(res, 500, "internal error");
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: HttpServerDeps) {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (req.method === "GET" && path === "/healthz") return reply(res, 200, "ok");
  if (req.method === "GET" && path === "/readyz") {
    const ready = await deps.checkReady();
    return reply(res, ready ? 200 : 503, ready ? "ready" : "not ready");
  }
  const webhook = deps.webhook;
  if (!webhook || path !== webhook.path) return reply(res, 404, "not found");
  if (req.method !== "POST") return reply(res, 405, "method not allowed");
  if (!isSecretRight(req.headers[SECRET_HEADER], webhook.secret)) {
    deps.logger.warn({ ip: req.socket.remoteAddress }, "webhook request with a wrong secret token");
    return reply(res, 403, "forbidden");
  }
  const update = parseUpdate(await readBody(req));
  if (!update) return reply(res, 400, "not an update");
  // Answer at once: Telegram waits for the response before sending this chat's next update.
  reply(res, 200, "ok");
  webhook.acceptUpdate(update);
}

function isSecretRight(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("webhook body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
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
