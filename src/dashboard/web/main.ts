// The dashboard Mini App: who opened it (session), then one body and period at a time. Its
// state lives in the address (?body=…&period=…&lang=…&print=1) so a view can be reopened.
import { getJson } from "./api.ts";
import type { BodyViewJson, ErrorJson, Lang, SessionJson } from "./api-types.ts";
import { button, h } from "./dom.ts";
import { applyTheme, postEvent, readInitData } from "./telegram.ts";
import { renderView } from "./view.ts";

interface State {
  lang: Lang;
  body: number | null;
  period: string;
  print: boolean;
}

const app = document.getElementById("app") as HTMLElement;
const initData = readInitData();
let session: SessionJson | undefined;
let state: State;
let shown = 0;

function stateFromAddress(fallback: State): State {
  const query = new URLSearchParams(window.location.search);
  const lang = query.get("lang");
  const body = Number(query.get("body"));
  return {
    lang: lang === "kk" || lang === "ru" ? lang : fallback.lang,
    body: Number.isSafeInteger(body) && body > 0 ? body : fallback.body,
    period: query.get("period") ?? fallback.period,
    print: query.get("print") === "1",
  };
}

function remember(): void {
  const query = new URLSearchParams();
  if (state.body !== null) query.set("body", String(state.body));
  query.set("period", state.period);
  query.set("lang", state.lang);
  if (state.print) query.set("print", "1");
  history.replaceState(null, "", `?${query.toString()}${window.location.hash}`);
}

function showError(error: ErrorJson, lang: Lang): void {
  app.replaceChildren(
    h(
      "section",
      { class: "card error", "data-error": error.error },
      h("p", {}, error.message[lang]),
      session?.home && state.body !== session.home
        ? button(session.ui.home ?? "", () => open({ body: session?.home ?? null }), {
            class: "link",
          })
        : null,
    ),
  );
  app.dataset.state = "error";
}

async function open(change: Partial<State>): Promise<void> {
  state = { ...state, ...change };
  remember();
  document.body.classList.toggle("print", state.print);
  const ticket = ++shown;
  app.dataset.state = "loading";
  if (state.body === null) return showRoots();
  const result = await getJson<BodyViewJson>(
    `api/body/${state.body}?period=${encodeURIComponent(state.period)}&lang=${state.lang}`,
    initData,
  );
  if (ticket !== shown) return;
  if (!result.ok) return showError(result.error, state.lang);
  document.title = result.value.ui.appTitle ?? document.title;
  document.documentElement.lang = state.lang;
  app.replaceChildren(
    renderView(
      result.value,
      {
        openBody: (id) => void open({ body: id }),
        openPeriod: (key) => void open({ period: key }),
        setLanguage: (lang) => void open({ lang }),
        print: () => printView(),
      },
      { print: state.print, home: session?.home ?? null },
    ),
  );
  app.dataset.state = "ready";
  window.scrollTo(0, 0);
}

/** An admin's start: the top-level bodies to open. */
async function showRoots(): Promise<void> {
  const fresh = await getJson<SessionJson>(`api/session?lang=${state.lang}`, initData);
  if (!fresh.ok) return showError(fresh.error, state.lang);
  const ui = fresh.value.ui;
  app.replaceChildren(
    h(
      "section",
      { class: "card roots" },
      h("h1", {}, ui.bodies ?? ""),
      h(
        "ul",
        {},
        ...fresh.value.roots.map((root) =>
          h(
            "li",
            {},
            button(root.name, () => void open({ body: root.id }), { class: "link" }),
            h("span", { class: "muted" }, ` · ${root.kind}`),
          ),
        ),
      ),
    ),
  );
  app.dataset.state = "ready";
}

function printView(): void {
  void open({ print: true }).then(() => {
    // The charts are redrawn for the page's width before the print dialog opens.
    setTimeout(() => window.print(), 300);
  });
}

async function start(): Promise<void> {
  applyTheme();
  postEvent("web_app_ready");
  postEvent("web_app_expand");
  const first = await getJson<SessionJson>("api/session", initData);
  if (!first.ok) {
    const lang = navigator.language.toLowerCase().startsWith("kk") ? "kk" : "ru";
    return showError(first.error, lang);
  }
  session = first.value;
  state = stateFromAddress({
    lang: session.language,
    body: session.home,
    period: session.latest.month,
    print: false,
  });
  await open({});
}

void start();
