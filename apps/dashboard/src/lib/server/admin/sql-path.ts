/**
 * A file path as an SQL string literal, single quotes doubled: DuckDB's `EXPORT DATABASE`
 * and `IMPORT DATABASE` take the folder in the SQL text, not as a parameter.
 *
 * @example
 * ```ts
 * sqlPath("/backups/o'brien"); // => "'/backups/o''brien'"
 * ```
 */
export function sqlPath(file: string): string {
  return `'${file.replaceAll("'", "''")}'`;
}
