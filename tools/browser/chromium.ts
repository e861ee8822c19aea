/**
 * Headless Chromium for the browser checks: Debian's `/usr/bin/chromium`
 * (override with `CHROMIUM`), a fresh empty profile, no background traffic,
 * and every request that leaves 127.0.0.1 blocked and recorded, so a page
 * that would load anything from the internet fails the check.
 *
 * @module
 */
import { type BrowserContext, chromium } from "playwright-core";

/** A browser context plus the outside requests it blocked. */
export interface Browser {
  context: BrowserContext;
  /** URLs of blocked requests (anything but 127.0.0.1, localhost, data: and blob:). */
  external: string[];
  close(): Promise<void>;
}

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

/** `true` for URLs the checks may load: the local servers and inline data. */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || protocol === "about:" ||
    hostname === "127.0.0.1" || hostname === "localhost";
}

/**
 * Starts Chromium with a new, empty profile in a temporary folder.
 *
 * @returns The context, the list of blocked outside requests, and `close()`, which also
 *   removes the profile.
 */
export async function launch(): Promise<Browser> {
  const profile = await Deno.makeTempDir({ prefix: "course-chromium-" });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: Deno.env.get("CHROMIUM") ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 900 },
  });
  const external: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    external.push(url);
    return route.abort();
  });
  return {
    context,
    external,
    async close() {
      await context.close();
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}
