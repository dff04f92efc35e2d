import type { IncomingMessage, ServerResponse } from "node:http";
import type { Repositories } from "../db/index.ts";
import type { UserRecord } from "../db/repositories/users.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { latestPeriod } from "../domain/period-spans.ts";
import type { Variants } from "../domain/variants.ts";
import { type Lang, translator } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type { HttpRoute } from "../runtime/http-server.ts";
import { dashboardView } from "../services/dashboard-view.ts";
import type { Asset, DashboardAssets } from "./assets.ts";
import { validateInitData } from "./init-data.ts";
import { presentView, rootLinks, uiWords } from "./present.ts";
import type { ErrorJson, SessionJson } from "./web/api-types.ts";

export interface DashboardDeps {
  /** The path the Mini App is served under, ending with "/" ("/dashboard/"). */
  path: string;
  botToken: string;
  /** How old a Telegram initData may be before it is refused. */
  authMaxAgeSeconds: number;
  /** The IANA zone every period is read in (TIME_ZONE). */
  zone: string;
  methodologyVariants: Variants;
  /** The methodology book in force, read at each request. */
  methodology: () => MethodologyBook;
  repos: Repositories;
  assets: DashboardAssets;
  logger: Logger;
  clock: () => Date;
}

type Refusal = ErrorJson["error"];

const STATUS_OF: Record<Refusal, number> = {
  unauthorized: 401,
  forbidden: 403,
  notAllowed: 403,
  notFound: 404,
  badPeriod: 400,
  failed: 500,
};

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  // Telegram's web clients frame the Mini App, so framing stays allowed; scripts only from here.
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
};

/**
 * The Mini App under its path: the static page, and an API whose every request is checked anew —
 * Telegram's signature of the initData and its age (else 401), then the person's role (managers
 * and admins) and scope over the asked body (else 403).
 */
export function dashboardRoute(deps: DashboardDeps): HttpRoute {
  return {
    prefix: deps.path,
    async handle(req, res) {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD", ...SECURITY_HEADERS });
        return void res.end();
      }
      const rest = url.pathname.slice(deps.path.length);
      if (rest === "" || rest === "index.html")
        return serveAsset(req, res, deps.assets.html, false);
      if (rest === "app.js") return serveAsset(req, res, deps.assets.js, true);
      if (rest === "app.css") return serveAsset(req, res, deps.assets.css, true);
      if (rest.startsWith("api/")) return serveApi(deps, req, res, rest.slice(4), url);
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS });
      res.end("not found");
    },
  };
}

function serveAsset(req: IncomingMessage, res: ServerResponse, asset: Asset, versioned: boolean) {
  const headers: Record<string, string> = {
    "content-type": asset.type,
    etag: asset.etag,
    // The page is small and names its script by version: revalidate it, keep the script.
    "cache-control": versioned ? "public, max-age=31536000, immutable" : "no-cache",
    vary: "accept-encoding",
    ...SECURITY_HEADERS,
  };
  if (req.headers["if-none-match"] === asset.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? asset.gzip : asset.body;
  res.writeHead(200, {
    ...headers,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    "content-length": String(body.length),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

async function serveApi(
  deps: DashboardDeps,
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: string,
  url: URL,
): Promise<void> {
  const viewer = await authenticate(deps, req);
  if (typeof viewer === "string") return refuse(res, viewer);
  const lang = pickLang(url.searchParams.get("lang"), viewer.language);
  const now = deps.clock();
  if (endpoint === "session") {
    const session: SessionJson = {
      name: viewer.name,
      role: viewer.role as SessionJson["role"],
      language: viewer.language,
      home: viewer.role === "manager" ? viewer.bodyId : null,
      roots:
        viewer.role === "admin" ? rootLinks(await deps.repos.directory.listBodies(), lang) : [],
      latest: {
        month: latestPeriod("month", now, deps.zone),
        quarter: latestPeriod("quarter", now, deps.zone),
        year: latestPeriod("year", now, deps.zone),
      },
      ui: uiWords(lang),
    };
    return sendJson(res, 200, session);
  }
  const body = /^body\/(\d{1,9})$/.exec(endpoint);
  if (!body) return refuse(res, "notFound");
  const period = url.searchParams.get("period") ?? latestPeriod("month", now, deps.zone);
  const result = await dashboardView(deps.repos, viewer, Number(body[1]), period, {
    now,
    zone: deps.zone,
    variants: deps.methodologyVariants,
    methodology: deps.methodology(),
  });
  if (!result.ok) {
    if (result.reason === "forbidden") {
      deps.logger.warn({ user: viewer.id, body: Number(body[1]) }, "dashboard: body out of scope");
    }
    return refuse(res, result.reason);
  }
  return sendJson(res, 200, presentView(result.view, lang, { now, zone: deps.zone }));
}

/** The active manager or admin behind a request's initData, or why not. */
async function authenticate(
  deps: DashboardDeps,
  req: IncomingMessage,
): Promise<UserRecord | Refusal> {
  const header = req.headers.authorization ?? "";
  const initData = header.startsWith("tma ") ? header.slice(4) : undefined;
  const checked = validateInitData(initData, deps.botToken, {
    now: deps.clock(),
    maxAgeSeconds: deps.authMaxAgeSeconds,
  });
  if (!checked.ok) {
    if (checked.reason !== "missing") {
      deps.logger.warn({ reason: checked.reason }, "dashboard: initData refused");
    }
    return "unauthorized";
  }
  const user = await deps.repos.users.getUserByTelegramId(checked.user.id);
  if (!user?.active || (user.role !== "manager" && user.role !== "admin")) return "notAllowed";
  return user;
}

function pickLang(asked: string | null, chosen: Lang): Lang {
  return asked === "kk" || asked === "ru" ? asked : chosen;
}

function refuse(res: ServerResponse, error: Refusal): void {
  const message = {
    kk: translator("kk")(`dashboard:errors.${error}`),
    ru: translator("ru")(`dashboard:errors.${error}`),
  };
  sendJson(res, STATUS_OF[error], { error, message } satisfies ErrorJson);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), "utf8");
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": String(body.length),
    ...SECURITY_HEADERS,
  });
  res.end(body);
}
