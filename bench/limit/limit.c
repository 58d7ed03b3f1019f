// The storage limit of gw's runs/s: replays the writes of one real run (bench/limit/extract.py output) for
// many runs, as fast as SQLite allows: prepared statements reused, one connection, no reads, no JSON, no
// scheduling. Same database file (schema and indexes made by the real gw), same statements, same values
// (the run id renamed per run), same journal (WAL) and synchronous setting; the statements of many runs are
// committed together like the group commit does (StoreWriter: up to 512 submissions per transaction).
//
//   limit DB TRACE RUN_ID RUNS SUBMISSIONS_PER_TX normal|full [IN_FLIGHT]
//
// A submission is one commit call of a run (RunExecution.commit): its statements end with the run's
// `UPDATE runs SET last_seq`. IN_FLIGHT runs (default 64) advance together, as when many runs are in flight:
// the stream of submissions is run 1's first, run 2's first, ..., run 1's second, ... and is cut into
// transactions of SUBMISSIONS_PER_TX. Prints: runs/s, submissions per run, transactions, seconds.
// Build: cc -O2 -o limit limit.c -lsqlite3
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char type; char *text; } Value;
typedef struct { char *sql; int n; Value values[64]; sqlite3_stmt *stmt; int ends_submission; } Statement;

static Statement st[4096];
static int nst;

static void die(sqlite3 *db, const char *what) {
    fprintf(stderr, "limit: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    exit(1);
}

static char *unescape(const char *s, size_t len) {
    char *out = malloc(len + 1), *o = out;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len) {
            i++;
            *o++ = s[i] == 'n' ? '\n' : s[i] == 'u' ? 0x1f : s[i];
        } else {
            *o++ = s[i];
        }
    }
    *o = 0;
    return out;
}

static void load(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) die(NULL, path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n') line[--len] = 0;
        Statement *s = &st[nst++];
        char *p = line, *end = line + len;
        int field = 0;
        while (p <= end) {
            char *q = memchr(p, 0x1f, end - p);
            if (!q) q = end;
            if (field == 0) {
                s->sql = unescape(p, q - p);
            } else if (field <= 64) {
                s->values[field - 1].type = *p;
                s->values[field - 1].text = unescape(p + 1, q - p - (q > p ? 1 : 0));
                s->n = field;
            }
            field++;
            p = q + 1;
        }
        s->ends_submission = strncmp(s->sql, "UPDATE runs SET last_seq", 24) == 0;
    }
    fclose(f);
}

/// `text` with every occurrence of `from` replaced by `to` (same length).
static const char *renamed(const char *text, const char *from, const char *to, char *buf, size_t cap) {
    const char *hit = strstr(text, from);
    if (!hit) return text;
    size_t n = strlen(text), k = strlen(from);
    if (n >= cap) die(NULL, "value too long");
    memcpy(buf, text, n + 1);
    for (char *h = buf + (hit - text); h; h = strstr(h + k, from)) memcpy(h, to, k);
    return buf;
}

static void exec(sqlite3 *db, const char *sql) {
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) { fprintf(stderr, "limit: %s: %s\n", sql, err); exit(1); }
}

int main(int argc, char **argv) {
    if (argc < 7) { fprintf(stderr, "usage: limit DB TRACE RUN_ID RUNS SUBMISSIONS_PER_TX normal|full [IN_FLIGHT]\n"); return 2; }
    const char *run_id = argv[3];
    int runs = atoi(argv[4]), per_tx = atoi(argv[5]), in_flight = argc > 7 ? atoi(argv[7]) : 64;
    int full = strcmp(argv[6], "full") == 0;
    load(argv[2]);
    int subs = 0, first_of[4096], count_of[4096];
    for (int i = 0, start = 0; i < nst; i++) {
        if (st[i].ends_submission || i == nst - 1) { first_of[subs] = start; count_of[subs] = i - start + 1; subs++; start = i + 1; }
    }
    sqlite3 *db;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) die(db, "open");
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    for (int i = 0; i < nst; i++) {
        if (sqlite3_prepare_v3(db, st[i].sql, -1, SQLITE_PREPARE_PERSISTENT, &st[i].stmt, NULL) != SQLITE_OK) die(db, st[i].sql);
    }
    size_t idlen = strlen(run_id);
    char id[128], buf[1 << 16];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int in_tx = 0, transactions = 0;
    for (int wave = 0; wave < runs; wave += in_flight) {
        int wave_end = wave + in_flight < runs ? wave + in_flight : runs;
        for (int sub = 0; sub < subs; sub++) {
            for (int r = wave; r < wave_end; r++) {
                snprintf(id, sizeof id, "%.*s%08d", (int)(idlen - 8), run_id, r);
                if (in_tx == 0) { exec(db, "BEGIN IMMEDIATE"); transactions++; }
                for (int i = first_of[sub]; i < first_of[sub] + count_of[sub]; i++) {
                    sqlite3_stmt *s = st[i].stmt;
                    for (int v = 0; v < st[i].n; v++) {
                        Value *val = &st[i].values[v];
                        int rc;
                        switch (val->type) {
                        case 'i': rc = sqlite3_bind_int64(s, v + 1, strtoll(val->text, NULL, 10)); break;
                        case 'd': rc = sqlite3_bind_double(s, v + 1, strtod(val->text, NULL)); break;
                        case 't': rc = sqlite3_bind_text(s, v + 1, renamed(val->text, run_id, id, buf, sizeof buf), -1, SQLITE_TRANSIENT); break;
                        case 'n': rc = sqlite3_bind_null(s, v + 1); break;
                        default: die(NULL, "unsupported bound value (blob)"); rc = 1;
                        }
                        if (rc != SQLITE_OK) die(db, "bind");
                    }
                    if (sqlite3_step(s) != SQLITE_DONE) die(db, st[i].sql);
                    sqlite3_reset(s);
                }
                if (++in_tx == per_tx) { exec(db, "COMMIT"); in_tx = 0; }
            }
        }
    }
    if (in_tx) exec(db, "COMMIT");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%.0f runs/s\t%d submissions/run\t%d transactions\t%.3f s\n", runs / seconds, subs, transactions, seconds);
    for (int i = 0; i < nst; i++) sqlite3_finalize(st[i].stmt);
    sqlite3_close(db);
    return 0;
}
