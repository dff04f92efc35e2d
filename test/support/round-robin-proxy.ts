import { createServer, type Server } from "node:http";
import { findFreePort } from "./free-port.ts";

/** A tiny reverse proxy: each request goes to the next target in turn (a load balancer's job). */
export interface RoundRobinProxy {
  /** http://127.0.0.1:<port>; append the webhook path. */
  readonly url: string;
  /** How many requests each target answered, by target URL. */
  readonly served: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * Starts the proxy in front of `targets` (http://host:port origins). Like a real balancer, a target
 * that refuses the connection is skipped and the next one tried; the caller sees the answer of the
 * target that took the request, status and body.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const port = await findFreePort();
  const served = new Map(targets.map((target) => [target, 0]));
  let next = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === "string" && entry[0] !== "host" && entry[0] !== "content-length",
      ),
    );
    for (let attempt = 0; attempt < targets.length; attempt++) {
      const target = targets[next++ % targets.length] ?? "";
      try {
        const response = await fetch(new URL(req.url ?? "/", target), {
          method: req.method,
          headers,
          ...(req.method === "GET" || req.method === "HEAD" ? {} : { body }),
        });
        served.set(target, (served.get(target) ?? 0) + 1);
        res.writeHead(response.status, {
          "content-type": response.headers.get("content-type") ?? "text/plain",
        });
        res.end(Buffer.from(await response.arrayBuffer()));
        return;
      } catch {
        // Connection refused: that instance is down or stopping; try the next one.
      }
    }
    res.writeHead(502).end("no instance answered");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
