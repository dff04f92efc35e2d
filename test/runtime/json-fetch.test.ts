import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { jsonFetch } from "../../src/runtime/json-fetch.ts";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = () => undefined;
let server: Server;
let root = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const noFallback = (() => {
  throw new Error("the fallback was used");
}) as unknown as typeof fetch;

test("posts the JSON text with its headers and reads the answer as JSON", async () => {
  const seen: { method?: string; type?: string; length?: string; body?: string }[] = [];
  handler = (req, body, res) => {
    seen.push({
      method: req.method,
      type: req.headers["content-type"],
      length: req.headers["content-length"],
      body,
    });
    res.setHeader("content-type", "application/json");
    res.end('{"ok":true,"result":{"text":"Сәлем"}}');
  };
  const body = JSON.stringify({ chat_id: 1, text: "Қош келдіңіз" });
  const response = await jsonFetch(noFallback)(`${root}/botT/sendMessage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  expect(response.ok).toBe(true);
  expect(await response.json()).toEqual({ ok: true, result: { text: "Сәлем" } });
  expect(seen).toEqual([
    {
      method: "POST",
      type: "application/json",
      length: String(Buffer.byteLength(body)),
      body,
    },
  ]);
});

test("gives an error answer's status and JSON, which grammY turns into its error", async () => {
  handler = (_req, _body, res) => {
    res.statusCode = 429;
    res.end('{"ok":false,"error_code":429,"parameters":{"retry_after":3}}');
  };
  const response = await jsonFetch(noFallback)(`${root}/botT/sendMessage`, { body: "{}" });
  expect(response.ok).toBe(false);
  expect(response.status).toBe(429);
  expect(await response.json()).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
});

test("rejects when the connection is cut before the answer ends", async () => {
  handler = (_req, _body, res) => {
    res.writeHead(200, { "content-length": "100" });
    res.write('{"ok":tr');
    setTimeout(() => res.socket?.destroy(), 20);
  };
  await expect(jsonFetch(noFallback)(`${root}/botT/getMe`, { body: "{}" })).rejects.toThrow();
});

test("rejects as aborted when grammY's signal fires, before or during the request", async () => {
  handler = () => undefined; // never answers, like a long poll
  const early = new AbortController();
  early.abort();
  await expect(
    jsonFetch(noFallback)(`${root}/botT/getUpdates`, { body: "{}", signal: early.signal }),
  ).rejects.toMatchObject({ name: "AbortError" });
  const late = new AbortController();
  const pending = jsonFetch(noFallback)(`${root}/botT/getUpdates`, {
    body: "{}",
    signal: late.signal,
  });
  setTimeout(() => late.abort(), 30);
  await expect(pending).rejects.toMatchObject({ name: "AbortError" });
});

test("leaves an upload (a body that is not a text) to the fallback", async () => {
  const fallback = (async () => new Response('{"ok":true}')) as typeof fetch;
  const body = new ReadableStream();
  const response = await jsonFetch(fallback)(`${root}/botT/sendDocument`, { body });
  expect(await response.json()).toEqual({ ok: true });
});

test("rejects a refused connection, which retryingFetch then tries again", async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await expect(
    jsonFetch(noFallback)(`http://127.0.0.1:${port}/botT/getMe`, { body: "{}" }),
  ).rejects.toMatchObject({ code: "ECONNREFUSED" });
});
