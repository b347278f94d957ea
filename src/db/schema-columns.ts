import type { ColumnType } from 'kysely';

/** Column shapes shared by the table types: how each reads, what an insert and an update take. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
export type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;
export type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
