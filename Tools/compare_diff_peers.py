"""Keyed diff of two Kijkglas 2 CSV files by peer tools, timed as medians; called by Tools/compare-diff.

DuckDB: read both files, then opened = new ANTI JOIN old, retracted = old ANTI JOIN new, changed =
old JOIN new on the row identity where any other column differs. csv-diff (only up to 200,000 rows:
it is slow) on copies of the files with the metadata block removed and a composite key column.
"""
import csv
import pathlib
import statistics
import subprocess
import sys
import time

import duckdb

old, new, runs, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
KEY = ["BSN/Onderwijsnummer", "Instellingscode", "Vestiging", "Begindatum"]
BLOCK_LINES = 4


def duckdb_diff():
    con = duckdb.connect()
    for name, path in (("o", old), ("n", new)):
        con.execute(
            f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', delim=';', header=true, "
            f"skip={BLOCK_LINES}, all_varchar=true)")
    columns = [row[0] for row in con.execute("DESCRIBE o").fetchall()]
    key = ", ".join(f'"{c}"' for c in KEY)
    on = " AND ".join(f'o."{c}" = n."{c}"' for c in KEY)
    others = " OR ".join(f'o."{c}" IS DISTINCT FROM n."{c}"' for c in columns if c not in KEY)
    opened = con.execute(f"SELECT count(*) FROM n ANTI JOIN o USING ({key})").fetchone()[0]
    retracted = con.execute(f"SELECT count(*) FROM o ANTI JOIN n USING ({key})").fetchone()[0]
    changed = con.execute(f"SELECT count(*) FROM o JOIN n ON {on} WHERE {others}").fetchone()[0]
    return opened + retracted + changed


def timed(function):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


seconds, differing = timed(duckdb_diff)
print(f"duckdb {duckdb.__version__}:      read+diff median {seconds:.3f} s, {differing} differing rows")

if rows <= 200_000:
    for path, out in ((old, old + ".k.csv"), (new, new + ".k.csv")):
        with open(path, newline="") as source, open(out, "w", newline="") as target:
            lines = source.readlines()[BLOCK_LINES:]
            reader = csv.DictReader(lines, delimiter=";")
            writer = csv.writer(target)
            writer.writerow(["key"] + reader.fieldnames)
            for row in reader:
                writer.writerow(["|".join(row[c] for c in KEY)] + [row[c] for c in reader.fieldnames])
    command = [str(pathlib.Path(sys.executable).parent / "csv-diff"), old + ".k.csv", new + ".k.csv", "--key=key"]
    seconds, _ = timed(lambda: subprocess.run(command, capture_output=True, check=True))
    print(f"csv-diff:          read+diff median {seconds:.3f} s")
else:
    print("csv-diff:          skipped above 200,000 rows (pass ROWS ≤ 200000 to include it)")
