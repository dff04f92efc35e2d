import { type Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";

/** What grammY's client passes for a JSON call: its keep-alive agent and its abort signal. */
type BotApiInit = RequestInit & { agent?: Agent };

/**
 * A fetch for the Bot API client. Every call but an upload is a JSON text posted to the Bot API,
 * whose answer grammY reads as JSON and nothing else: those go straight through node:http on
 * grammY's keep-alive agent, and the rest (multipart streams) through `fallback`. During a
 * deadline rush node-fetch's Request, Headers and body streams cost about as much CPU as the
 * HTTP exchange itself (bench/deadline-rush.ts).
 */
export function jsonFetch(fallback: typeof fetch): typeof fetch {
  return (input, init) => {
    if (typeof input !== "string" || typeof init?.body !== "string") return fallback(input, init);
    return postJson(input, init as BotApiInit & { body: string }) as Promise<Response>;
  };
}

/** The part of a Response that grammY and retryingFetch read. */
export interface JsonResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

function postJson(url: string, init: BotApiInit & { body: string }): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(abortError());
    const send = url.startsWith("https:") ? httpsRequest : httpRequest;
    const request = send(url, {
      method: init.method ?? "POST",
      headers: { ...(init.headers as Record<string, string>), "content-length": byteLength(init) },
      ...(init.agent ? { agent: init.agent } : {}),
    });
    const onAbort = () => request.destroy(abortError());
    signal?.addEventListener("abort", onAbort);
    const settle = () => signal?.removeEventListener("abort", onAbort);
    request.once("error", (error) => {
      settle();
      reject(error);
    });
    request.once("response", (response) => {
      readBody(response).then(
        (text) => {
          settle();
          resolve(jsonResponse(response.statusCode ?? 0, text));
        },
        (error) => {
          settle();
          reject(error);
        },
      );
    });
    request.end(init.body);
  });
}

function byteLength(init: { body: string }): string {
  return String(Buffer.byteLength(init.body));
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.once("error", reject);
    // A socket destroyed mid-answer (reset, abort) closes the response without "end".
    response.once("close", () => {
      if (!response.complete) reject(new Error("the Bot API's answer was cut off"));
    });
  });
}

function jsonResponse(status: number, text: string): JsonResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    text: async () => text,
    json: async () => JSON.parse(text),
  };
}

function abortError(): Error {
  const error = new Error("The Bot API request was aborted");
  error.name = "AbortError";
  return error;
}
