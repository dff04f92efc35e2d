import type { ErrorJson } from "./api-types.ts";

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ErrorJson };

/** GETs an API path with Telegram's initData, the only thing that proves who asks. */
export async function getJson<T>(path: string, initData: string): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `tma ${initData}` } });
  } catch {
    return { ok: false, status: 0, error: failed() };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, value: body as T };
  const error =
    typeof body === "object" && body !== null && "error" in body ? (body as ErrorJson) : failed();
  return { ok: false, status: response.status, error };
}

function failed(): ErrorJson {
  return {
    error: "failed",
    message: {
      kk: "Деректер жүктелмеді. Қайталап көріңіз.",
      ru: "Не удалось загрузить данные. Попробуйте ещё раз.",
    },
  };
}
