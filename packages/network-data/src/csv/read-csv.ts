/**
 * One record of a CSV file, with the 1-based line of the file on which it starts, so that
 * every validation message can point a person at the line they see in a text editor or Excel
 * (Excel's row numbers equal file lines when no field contains a line break).
 */
export interface CsvRecord {
  /** 1-based file line on which the record starts. */
  line: number;
  fields: string[];
}

/** A problem with the CSV syntax itself (not with its values). */
export interface CsvSyntaxProblem {
  line: number;
  rule: 'unterminated_quote' | 'stray_quote';
  message: string;
}

export interface CsvReadResult {
  records: CsvRecord[];
  problems: CsvSyntaxProblem[];
}

/**
 * Reads CSV text (RFC 4180: comma separated, `"` quoting with `""` escapes, CRLF or LF line
 * ends) into records with their file line numbers. A UTF-8 byte-order mark is dropped (Excel
 * writes one; so do some years of NHS Maternity Statistics, see data-model.md §7). Blank lines
 * are skipped. It never throws: syntax problems (an unterminated quote, a quote inside an
 * unquoted field) are returned beside whatever records could be read, so a caller can report
 * them all at once.
 *
 * Why not papaparse: its newline auto-detection guesses one line ending per file, and a file
 * mixing CRLF and LF (common after hand edits) gave wrong records and no line numbers.
 * O(n) in the length of the text.
 *
 * @example
 * ```ts
 * const { records } = readCsv('\uFEFFa,b\r\n1,"x, ""y"""\n\n2,3\n');
 * records.map((r) => r.line); // => [1, 2, 4]
 * records[1].fields; // => ['1', 'x, "y"']
 * ```
 */
export function readCsv(text: string): CsvReadResult {
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lastStrayQuoteLine = 0; // one stray-quote problem per line is enough
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    let fieldStart = true;
    while (i < n && !endOfRecord) {
      const ch = text[i];
      if (fieldStart && ch === '"') {
        // Quoted field: read to the closing quote, keeping embedded line breaks.
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) {
          problems.push({
            line: startLine,
            rule: 'unterminated_quote',
            message: `A quoted field that starts on line ${startLine} is never closed: add the closing double quote.`,
          });
        }
        fieldStart = false;
        // Anything between the closing quote and the next separator is a syntax problem.
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (lastStrayQuoteLine !== line) {
            lastStrayQuoteLine = line;
            problems.push({
              line,
              rule: 'stray_quote',
              message: `Line ${line}: characters follow a closing double quote; quote the whole field.`,
            });
          }
          field += text[i];
          i++;
        }
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        fieldStart = true;
        i++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
        continue;
      }
      if (ch === '"' && lastStrayQuoteLine !== line) {
        lastStrayQuoteLine = line;
        problems.push({
          line,
          rule: 'stray_quote',
          message: `Line ${line}: a double quote inside an unquoted field; quote the whole field and double the quote ("").`,
        });
      }
      field += ch;
      fieldStart = false;
      i++;
    }
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) records.push({ line: startLine, fields });
  }
  return { records, problems };
}
