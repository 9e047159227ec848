/** The `qi-stats --help` text. Kept beside the argument parser it documents. */
export const HELP_TEXT = `qi-stats: control charts and run charts from a CSV file

Usage:
  qi-stats <file.csv | -> --y <column> [options]

Data:
  <file.csv> | -          the CSV file (with a header row), or - for standard input
  --y <column>            values: counts for p, u and c charts, measurements otherwise
  --n <column>            denominators (required for p, pp, u, up)
  --x <column>            period or subgroup label; rows sharing a label form one
                          subgroup (xbar, s). Points are put in x order:
                          numbers ascending, other text (ISO dates) A to Z.
                          Without --x, the file's row order is the time order
  -w, --where <column=value>
                          keep only rows whose cell equals value exactly;
                          repeat to combine (all must match)
  Empty cells and NA are missing values; anything else must be a plain number.

Chart:
  -c, --chart <type>      run (default), i, mr, xbar, s, t, p, pp, c, u, up, g,
                          or ihi (run chart with the IHI rules: shift, trend,
                          number of runs, astronomical-point candidates)
  --part <k,k,...>        a new part (phase) starts after each listed point
  --freeze <k>            centre line and limits from points 1..k only
  --exclude <k,k,...>     leave points out of the centre line, limits and runs
  --multiply <m>          scale y, centre line and limits (100 = percent)
  --method <m>            runs analysis: anhoej (default), bestbox, cutbox
  --no-screen             do not screen large moving ranges (I, T, P', U' charts)
  --baseline <k>          ihi only: median of the first k non-missing values
                          (with --chart ihi, --n gives the series y/n)

Output:
  -f, --format table|json
                          table (default): points, limits, signals and why;
                          json: the library's result object
  -o, --output <file>     write there instead of standard output
  -h, --help              this text

Exit codes: 0 done, 2 a problem with the command or the data (message on
standard error), 1 an unexpected failure.

Examples:
  qi-stats ae.csv --where org_code=RF4 --where type=1 \\
    --chart p --x period --y breaches --n attendances --multiply 100
  qi-stats ae.csv --chart i --x period --y attendances --freeze 12
  qi-stats ae.csv --chart ihi --x period --y breaches --n attendances --baseline 12
  grep -e period -e RF4 ae.csv | qi-stats - --where type=1 --chart c --x period --y breaches --format json
`;
