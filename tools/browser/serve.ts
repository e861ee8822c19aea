/**
 * A tiny static file server on 127.0.0.1 for the browser checks, so pages
 * load over HTTP as they would from any web host.
 *
 * @module
 */
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

/** A running server: its base URL (ending in `/`) and how to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder on a free port of 127.0.0.1.
 *
 * @param root The folder to serve; `/` maps to `index.html`.
 * @returns The server's base URL and `close()`.
 */
export function serveStatic(root: string): Promise<StaticServer> {
  return new Promise((resolve) => {
    const server = Deno.serve({
      hostname: "127.0.0.1",
      port: 0,
      onListen: ({ port }) =>
        resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.shutdown() }),
    }, async (request) => {
      const path = decodeURIComponent(new URL(request.url).pathname);
      const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
      if (!file.startsWith(normalize(root))) return new Response("forbidden", { status: 403 });
      try {
        const body = await Deno.readFile(file);
        const type = TYPES[extname(file)] ?? "application/octet-stream";
        return new Response(body, { headers: { "content-type": type } });
      } catch {
        return new Response("not found", { status: 404 });
      }
    });
  });
}
