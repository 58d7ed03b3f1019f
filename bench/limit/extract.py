"""Keeps the writes of one run from a bench/limit/trace.so log: extract.py TRACE RUN_ID > run.sql-trace

A write transaction (BEGIN IMMEDIATE ... COMMIT on one connection) belongs to the run when one of its
statements has a bound value containing RUN_ID; every statement of such a transaction is kept (BEGIN and
COMMIT dropped: bench/limit/limit.c groups the statements into its own transactions), in order. Fails when
the trace holds no such transaction, or when one of them also touches another run (a group commit that
mixed runs: trace a single run on an idle gateway)."""
import re
import sys

SEP = "\x1f"
trace, run_id = sys.argv[1], sys.argv[2]
open_tx: dict[str, list[list[str]]] = {}
kept: list[list[str]] = []
other_run = re.compile(r"^tr[0-9a-z]{20}$")
for line in open(trace, encoding="utf-8", errors="surrogateescape"):
    fields = line.rstrip("\n").split(SEP)
    if len(fields) < 2:
        continue
    conn, sql = fields[0], fields[1]
    verb = sql.split(None, 1)[0].upper() if sql.strip() else ""
    if verb == "BEGIN":
        open_tx[conn] = []
    elif verb in ("COMMIT", "END", "ROLLBACK"):
        statements = open_tx.pop(conn, None)
        if statements is None or verb == "ROLLBACK":
            continue
        if any(run_id in value for s in statements for value in s[2:]):
            strangers = {v[1:] for s in statements for v in s[2:] if other_run.match(v) and v[1:] != run_id}
            if strangers:
                sys.exit(f"a transaction of {run_id} also writes {sorted(strangers)}: trace one run on an idle gateway")
            kept.extend(statements)
    elif conn in open_tx and verb in ("INSERT", "UPDATE", "DELETE", "REPLACE"):
        open_tx[conn].append(fields)
if not kept:
    sys.exit(f"no write of run {run_id} in {trace}")
for fields in kept:
    print(SEP.join(fields[1:]))
