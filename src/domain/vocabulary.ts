// The product's closed vocabularies, declared once; the database's enums are checked against them.
import { z } from "zod";

/** Who a person is in the product. Admins may do everything the other roles may. */
export const ROLES = ["commissioner", "officer", "manager", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The three reports: the commissioner's month, the officer's quarter and year. */
export const REPORT_KINDS = ["monthly", "quarterly", "annual"] as const;
export const reportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof reportKindSchema>;

/** The languages people read. */
export const LANGS = ["kk", "ru"] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;
