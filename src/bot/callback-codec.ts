// One codec per feature for its buttons' callback data: encoded from typed values, decoded back
// with every field checked (ids in range, roles and kinds from the vocabularies, real periods).
// Data that does not decode is a button out of date or a forgery: it gets a quiet answer, never
// a handler run on a guess or a crash.
import type { Composer, Filter, Middleware } from "grammy";
import { BODY_KINDS } from "../domain/methodology/types.ts";
import { type PeriodUnit, parsePeriod } from "../domain/periods.ts";
import { LANGS, REPORT_KINDS, ROLES } from "../domain/vocabulary.ts";
import type { BotContext } from "./context.ts";

/**
 * Reads one field of callback data; undefined when it is not a valid value. A field spans one
 * ":"-separated part unless it says how many (`parts: 5`) or takes all the rest (`"rest"`, last).
 */
export type Field<T> = {
  decode(text: string): T | undefined;
  encode(value: T): string;
  parts?: number | "rest";
};

const MAX_ID = 2_147_483_647;

function oneOf<T extends string>(values: readonly T[]): Field<T> {
  return {
    decode: (text) => ((values as readonly string[]).includes(text) ? (text as T) : undefined),
    encode: String,
  };
}

/** The fields buttons carry. */
export const field = {
  /** A database id: a positive whole number that fits the column. */
  id: {
    decode: (text) =>
      /^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_ID ? Number(text) : undefined,
    encode: String,
  } as Field<number>,
  /** A page or a small count, 0 to 9 999. */
  page: {
    decode: (text) => (/^(0|[1-9]\d{0,3})$/.test(text) ? Number(text) : undefined),
    encode: String,
  } as Field<number>,
  role: oneOf(ROLES),
  reportKind: oneOf(REPORT_KINDS),
  bodyKind: oneOf(BODY_KINDS),
  lang: oneOf(LANGS),
  /** A period key of the given units: "2026-10", "2026-Q4", "2026". */
  period: (...units: PeriodUnit[]): Field<string> => ({
    decode: (text) => {
      const p = parsePeriod(text);
      return p && (units.length === 0 || units.includes(p.kind)) ? text : undefined;
    },
    encode: String,
  }),
  /** Another field, or null written as `none` ("au:" is the latest page, "au:57" older ones). */
  maybe: <T>(inner: Field<T>, none: string): Field<T | null> => ({
    decode: (text) => (text === none ? null : inner.decode(text)),
    encode: (value) => (value === null ? none : inner.encode(value)),
  }),
  /** A word of a closed set ("all", "none"…). */
  word: oneOf,
  /** One of the numbers a screen offers (1, 5, 10 people…): a forged other number is refused. */
  number: (values: readonly number[]): Field<number> => ({
    decode: (text) => values.find((v) => String(v) === text),
    encode: String,
  }),
} as const;

type Values<F extends readonly Field<unknown>[]> = {
  [K in keyof F]: F[K] extends Field<infer T> ? T : never;
};

type CallbackContext = Filter<BotContext, "callback_query:data">;

/** The buttons of one feature: each action a name and its typed fields. */
export interface FeatureCodec<A extends Record<string, readonly Field<unknown>[]>> {
  /**
   * Callback data for an action: `buttons.data("body", 12)` → "us:body:12". An action named ""
   * has no name on the wire ("lang:kk"); with fields it takes all of the prefix's data, so it is
   * then its codec's only action.
   */
  data<N extends keyof A & string>(name: N, ...values: Values<A[N]>): string;
  /** The values of an action's data, or undefined when the data is not that action's. */
  decode<N extends keyof A & string>(name: N, data: string): Values<A[N]> | undefined;
  /**
   * Handles an action on a composer behind the given middleware (role checks); its data must
   * decode, else the person is told the button is out of date and nothing else happens.
   */
  on<N extends keyof A & string>(
    composer: Composer<BotContext>,
    name: N,
    ...handlers: [
      ...Middleware<CallbackContext>[],
      (ctx: CallbackContext, values: Values<A[N]>) => unknown,
    ]
  ): void;
}

const MAX_CALLBACK_BYTES = 64;

/** A feature's codec under a prefix ("us"). */
export function featureCodec<const A extends Record<string, readonly Field<unknown>[]>>(
  prefix: string,
  actions: A,
): FeatureCodec<A> {
  const codec: FeatureCodec<A> = {
    data(name, ...values) {
      const fields = actions[name] as readonly Field<unknown>[];
      const parts = fields.map((f, i) => f.encode((values as unknown[])[i]));
      // An empty rest is no part at all ("ex:monthly", not "ex:monthly:").
      if (fields.at(-1)?.parts === "rest" && parts.at(-1) === "") parts.pop();
      const data = [prefix, ...(name === "" ? [] : [name]), ...parts].join(":");
      if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES)
        throw new RangeError(`Callback data too long: ${data}`);
      return data;
    },
    decode(name, data) {
      const [head, ...rest] = data.split(":");
      const action = name === "" ? "" : rest.shift();
      if (head !== prefix || action !== name) return undefined;
      const texts = split(rest, actions[name] as readonly Field<unknown>[]);
      if (!texts) return undefined;
      const values: unknown[] = [];
      for (const [f, text] of texts) {
        const value = f.decode(text);
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values as Values<A[typeof name]>;
    },
    on(composer, name, ...handlers) {
      const handle = handlers.at(-1) as (
        ctx: CallbackContext,
        values: Values<A[typeof name]>,
      ) => unknown;
      const guards = handlers.slice(0, -1) as Middleware<CallbackContext>[];
      const fields = actions[name] as readonly Field<unknown>[];
      const matches =
        name !== ""
          ? new RegExp(`^${prefix}:${name}(:|$)`)
          : new RegExp(fields.length === 0 ? `^${prefix}$` : `^${prefix}:`);
      composer.callbackQuery(matches, ...guards, async (ctx) => {
        const values = codec.decode(name, ctx.callbackQuery.data);
        if (!values) return answerOutOfDate(ctx);
        await handle(ctx, values);
      });
    },
  };
  return codec;
}

/** The text of each field in the data's parts, or undefined when the count is not the fields'. */
function split(
  parts: string[],
  fields: readonly Field<unknown>[],
): [Field<unknown>, string][] | undefined {
  const texts: [Field<unknown>, string][] = [];
  let at = 0;
  for (const [i, f] of fields.entries()) {
    const span = f.parts ?? 1;
    if (span === "rest" && i !== fields.length - 1)
      throw new TypeError("A rest field must be last");
    const end = span === "rest" ? parts.length : at + span;
    if (end > parts.length) return undefined;
    texts.push([f, parts.slice(at, end).join(":")]);
    at = end;
  }
  return at === parts.length ? texts : undefined;
}

/** The quiet answer to a button that no longer means anything (or never did). */
export async function answerOutOfDate(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("fallback.staleButton") }).catch(() => undefined);
}
