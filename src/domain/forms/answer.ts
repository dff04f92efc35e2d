// What a person sent to a form, reduced to what the form reads. The bot turns updates into these.

/** A photo or document sent as evidence (the bytes stay with Telegram). */
export interface SentFile {
  type: "photo" | "document";
  telegramFileId: string;
  size: number | null;
  mime: string | null;
  name: string | null;
}

/** One answer: typed text, a pressed button of the form (its data after the form's prefix), or a file. */
export type FormAnswer =
  | { kind: "text"; text: string }
  | { kind: "button"; data: string }
  | { kind: "file"; file: SentFile };

/** A refused answer or a notice: the i18n key of the message and its parameters. */
export interface FormProblem {
  key: string;
  params?: Record<string, string | number>;
}
