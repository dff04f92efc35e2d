import type { IncomingMessage, ServerResponse } from "node:http";
import type { CommandCall, Emulator } from "./emulator.ts";
import { parseJsonFields } from "./emulator.ts";
import { parseMultipart } from "./multipart.ts";

// The slice of Express that telegram-test-api uses (it ships no types for it).
interface Request extends IncomingMessage {
  params: Record<string, string>;
  body: Record<string, unknown> | undefined;
  query: Record<string, unknown>;
}
interface Response extends ServerResponse {
  status(code: number): Response;
  json(value: unknown): void;
}
type Handler = (req: Request, res: Response, next: () => void) => void | Promise<void>;
interface ExpressApp {
  all(path: string, handler: Handler): void;
  get(path: string, handler: Handler): void;
  _router: { stack: { route?: { path?: string } }[] };
}

/**
 * Adds the Bot API methods telegram-test-api answers with HTTP 500, ahead of its catch-all route,
 * and replaces its webhook methods so that deliveries carry the secret token.
 */
export function installMissingMethods(emulator: Emulator, webServer: unknown): void {
  const app = webServer as ExpressApp;
  const stack = app._router.stack;
  const before = stack.length;
  const method = (
    name: string,
    handler: (body: Record<string, unknown>, req: Request) => unknown,
  ) =>
    app.all(`/bot:token/${name}`, async (req, res) => {
      try {
        const body = parseJsonFields(await readBody(req));
        res.json({ ok: true, result: await handler(body, req) });
      } catch (error) {
        res.status(400).json({ ok: false, error_code: 400, description: `Bad Request: ${error}` });
      }
    });

  // Telegram refuses a string holding half a surrogate pair (text cut inside an emoji).
  app.all("/bot:token/:method", (req, res, next) => {
    const broken = findBrokenString(parseJsonFields({ ...req.query, ...req.body }));
    if (broken === undefined) return next();
    res.status(400).json({
      ok: false,
      error_code: 400,
      description: `Bad Request: strings must be encoded in UTF-8 (${broken})`,
    });
  });
  // Lets a test answer a send itself (a 429, a 403) before the emulator stores anything.
  app.all("/bot:token/:method", async (req, res, next) => {
    const hook = emulator.interceptSend;
    if (!hook || !/^send/.test(req.params.method ?? "")) return next();
    const multipart = (req.headers["content-type"] ?? "").startsWith("multipart/form-data");
    const body = multipart ? undefined : parseJsonFields({ ...req.query, ...req.body });
    const answer = await hook(req.params.method ?? "", body);
    if (!answer) return next();
    res.status(answer.status).json(answer.body);
  });
  // Telegram counts an update as delivered once a getUpdates asks for a higher offset, and holds
  // the request open until an update comes or its `timeout` passes (long polling): answering an
  // empty batch at once would keep an idle bot asking many times a second.
  app.all("/bot:token/getUpdates", async (req, res, next) => {
    const params = { ...req.query, ...req.body };
    const offset = Number(params.offset ?? 0);
    if (offset > emulator.confirmedOffset) emulator.confirmedOffset = offset;
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    const token = req.params.token ?? "";
    if (timeoutMs > 0 && !emulator.hasWaitingUpdates(token)) {
      let abandoned = false;
      const hungUp = new Promise<void>((resolve) =>
        res.once("close", () => {
          abandoned = true;
          resolve();
        }),
      );
      await Promise.race([emulator.nextUpdate(timeoutMs), hungUp]);
      // The bot gave up on the request (it is stopping): nothing may count as handed to it.
      if (abandoned) return;
    }
    next();
  });
  method("sendDocument", (body) => sendFile(emulator, "sendDocument", "document", body));
  method("sendPhoto", (body) => sendFile(emulator, "sendPhoto", "photo", body));
  method("setMyCommands", (body) => {
    emulator.commands.set(commandsKey(body), body.commands as never);
    emulator.commandCalls.push(commandCall("setMyCommands", body));
    return true;
  });
  method("setChatMenuButton", (body) => {
    emulator.menuButtons.set(Number(body.chat_id), body.menu_button as Record<string, unknown>);
    return true;
  });
  method("getMyCommands", (body) => emulator.commands.get(commandsKey(body)) ?? []);
  method("deleteMyCommands", (body) => {
    emulator.commandCalls.push(commandCall("deleteMyCommands", body));
    return emulator.commands.delete(commandsKey(body)) || true;
  });
  method("answerCallbackQuery", (body) => {
    emulator.recordCallbackAnswer(body);
    return true;
  });
  method("sendChatAction", () => true);
  method("setChatMenuButton", () => true);
  method("getChatMenuButton", () => ({ type: "commands" }));
  method("setWebhook", (body) => {
    emulator.webhook = {
      url: String(body.url),
      secret: body.secret_token as string | undefined,
      maxConnections: body.max_connections === undefined ? undefined : Number(body.max_connections),
    };
    return true;
  });
  method("deleteWebhook", () => {
    emulator.webhook = undefined;
    return true;
  });
  method("getWebhookInfo", () => ({
    url: emulator.webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: 0,
  }));
  method("getFile", (body) => {
    const fileId = String(body.file_id);
    const upload = emulator.uploads.get(fileId);
    if (!upload) throw new Error("invalid file_id");
    const path = `documents/${fileId}/${encodeURIComponent(upload.filename)}`;
    return {
      file_id: fileId,
      file_unique_id: fileId,
      file_size: upload.data.length,
      file_path: path,
    };
  });
  app.get("/file/bot:token/documents/:fileId/:name", async (req, res) => {
    emulator.fileDownloads++;
    // A test may hold downloads back to see what the bot does meanwhile.
    await emulator.downloadGate;
    const upload = emulator.uploads.get(req.params.fileId ?? "");
    if (!upload) return void res.status(404).json({ ok: false, error_code: 404 });
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.end(upload.data);
  });

  // Express matches in order: move the routes just added in front of the emulator's own routes
  // (after its body parsers), so they win over its catch-alls and its setWebhook.
  const added = stack.splice(before);
  const firstRoute = stack.findIndex((layer) => layer.route !== undefined);
  stack.splice(firstRoute === -1 ? stack.length : firstRoute, 0, ...added);
}

function sendFile(
  emulator: Emulator,
  method: "sendDocument" | "sendPhoto",
  field: "document" | "photo",
  body: Record<string, unknown>,
) {
  const files = (body.__files ?? []) as { name: string; filename?: string; data: Buffer }[];
  const value = String(body[field] ?? "");
  const attached = value.startsWith("attach://")
    ? files.find((file) => file.name === value.slice("attach://".length))
    : undefined;
  const caption = body.caption === undefined ? undefined : String(body.caption);
  const sent = emulator.addBotMessage({
    chat_id: body.chat_id,
    text: caption ?? "",
    caption,
    reply_markup: body.reply_markup,
    [field]: { file_name: attached?.filename },
  });
  const messageId = Number(sent.message_id);
  emulator.sentFiles.push({
    method,
    chatId: Number(body.chat_id),
    messageId,
    filename: attached?.filename,
    data: attached?.data,
    reference: attached ? undefined : value,
    caption,
  });
  const fileId = emulator.storeUpload(
    attached?.data ?? Buffer.alloc(0),
    attached?.filename ?? value,
  );
  const file = { file_id: fileId, file_unique_id: fileId, file_size: attached?.data.length ?? 0 };
  const media =
    field === "photo"
      ? [{ ...file, width: 1, height: 1 }]
      : { ...file, file_name: attached?.filename };
  return { ...sent, text: undefined, caption, [field]: media };
}

/** The name of the first field (nested too) whose string is not well-formed UTF-16, if any. */
function findBrokenString(value: unknown, path = "body"): string | undefined {
  if (typeof value === "string") {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    return lone.test(value) ? path : undefined;
  }
  if (typeof value !== "object" || value === null || Buffer.isBuffer(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = findBrokenString(inner, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

function commandCall(method: CommandCall["method"], body: Record<string, unknown>): CommandCall {
  return {
    method,
    scope: body.scope as CommandCall["scope"],
    languageCode: body.language_code === undefined ? undefined : String(body.language_code),
    commands: (body.commands ?? []) as CommandCall["commands"],
  };
}

function commandsKey(body: Record<string, unknown>): string {
  return `${body.language_code ?? ""}|${JSON.stringify(body.scope ?? { type: "default" })}`;
}

/** The request's fields: Express already parsed JSON and urlencoded bodies; multipart is ours. */
async function readBody(req: Request): Promise<Record<string, unknown>> {
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { ...req.query, ...req.body };
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const parts = parseMultipart(Buffer.concat(chunks), contentType);
  const fields: Record<string, unknown> = {};
  for (const part of parts.filter((p) => p.filename === undefined)) {
    fields[part.name] = part.data.toString("utf8");
  }
  fields.__files = parts.filter((p) => p.filename !== undefined);
  return fields;
}
