// The little of Telegram's Mini App bridge the dashboard needs, read from what Telegram passes in
// the page's address (so no script is loaded from anywhere else).

/** Telegram's signed initData: `window.Telegram.WebApp.initData`, or `tgWebAppData` in the hash. */
export function readInitData(): string {
  const fromSdk = (window as { Telegram?: { WebApp?: { initData?: string } } }).Telegram?.WebApp
    ?.initData;
  if (fromSdk) return fromSdk;
  return new URLSearchParams(window.location.hash.slice(1)).get("tgWebAppData") ?? "";
}

/** The colours of the user's Telegram theme, as CSS variables (light defaults otherwise). */
export function applyTheme(): void {
  const raw = new URLSearchParams(window.location.hash.slice(1)).get("tgWebAppThemeParams");
  if (!raw) return;
  try {
    const theme = JSON.parse(raw) as Record<string, unknown>;
    const names: Record<string, string> = {
      bg_color: "--bg",
      secondary_bg_color: "--card-bg",
      text_color: "--text",
      hint_color: "--hint",
      link_color: "--link",
      button_color: "--accent",
      button_text_color: "--accent-text",
    };
    for (const [key, variable] of Object.entries(names)) {
      const value = theme[key];
      if (typeof value === "string" && /^#[0-9a-f]{3,8}$/i.test(value)) {
        document.documentElement.style.setProperty(variable, value);
      }
    }
  } catch {
    // A theme we cannot read leaves the default colours.
  }
}

/** Tells Telegram something (ready, expand), on whichever bridge this client has. */
export function postEvent(eventType: string, eventData: unknown = {}): void {
  const proxy = (window as { TelegramWebviewProxy?: { postEvent(t: string, d: string): void } })
    .TelegramWebviewProxy;
  if (proxy) proxy.postEvent(eventType, JSON.stringify(eventData));
  else if (window.parent !== window) {
    window.parent.postMessage(JSON.stringify({ eventType, eventData }), "*");
  }
}
