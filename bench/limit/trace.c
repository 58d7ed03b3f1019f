// LD_PRELOAD shim: logs every SQLite statement a process executes, with its bound values, so bench/limit can
// replay exactly the writes of one real run. GW_SQL_TRACE=path names the log (appended).
// One line per executed statement: connection, SQL, then each bound value, fields separated by 0x1f;
// a value is its type letter (i integer, d double, t text, n null, b blob as hex) and its text, with
// '\\', '\n' and 0x1f escaped as "\\\\", "\\n" and "\\u".
// Build: cc -O2 -shared -fPIC -o trace.so trace.c -ldl
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 16384
#define MAXP 32

typedef struct { char type; char *text; } Value;
typedef struct { sqlite3_stmt *stmt; Value values[MAXP]; } Slot;

static Slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;

static Slot *slot_for(sqlite3_stmt *s, int create) {
    size_t h = ((uintptr_t)s >> 4) % SLOTS;
    for (size_t n = 0; n < SLOTS; n++, h = (h + 1) % SLOTS) {
        if (slots[h].stmt == s) return &slots[h];
        if (slots[h].stmt == NULL) {
            if (!create) return NULL;
            slots[h].stmt = s;
            return &slots[h];
        }
    }
    return NULL;
}

static void put(sqlite3_stmt *s, int i, char type, const char *text, int len) {
    if (i < 1 || i > MAXP) return;
    pthread_mutex_lock(&lock);
    Slot *slot = slot_for(s, 1);
    if (slot) {
        Value *v = &slot->values[i - 1];
        free(v->text);
        v->type = type;
        v->text = text ? strndup(text, len < 0 ? strlen(text) : (size_t)len) : NULL;
    }
    pthread_mutex_unlock(&lock);
}

static void escaped(const char *t) {
    for (; t && *t; t++) {
        if (*t == '\\') fputs("\\\\", out);
        else if (*t == '\n') fputs("\\n", out);
        else if (*t == 0x1f) fputs("\\u", out);
        else fputc(*t, out);
    }
}

#define NEXT(name) static __typeof__(&name) real; if (!real) real = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

int sqlite3_bind_int64(sqlite3_stmt *s, int i, sqlite3_int64 x) {
    NEXT(sqlite3_bind_int64);
    char b[32]; snprintf(b, sizeof b, "%lld", (long long)x); put(s, i, 'i', b, -1);
    return real(s, i, x);
}
int sqlite3_bind_int(sqlite3_stmt *s, int i, int x) {
    NEXT(sqlite3_bind_int);
    char b[32]; snprintf(b, sizeof b, "%d", x); put(s, i, 'i', b, -1);
    return real(s, i, x);
}
int sqlite3_bind_double(sqlite3_stmt *s, int i, double x) {
    NEXT(sqlite3_bind_double);
    char b[40]; snprintf(b, sizeof b, "%.17g", x); put(s, i, 'd', b, -1);
    return real(s, i, x);
}
int sqlite3_bind_null(sqlite3_stmt *s, int i) {
    NEXT(sqlite3_bind_null);
    put(s, i, 'n', "", -1);
    return real(s, i);
}
int sqlite3_bind_text(sqlite3_stmt *s, int i, const char *t, int n, void (*d)(void *)) {
    NEXT(sqlite3_bind_text);
    put(s, i, 't', t, n);
    return real(s, i, t, n, d);
}
int sqlite3_bind_blob(sqlite3_stmt *s, int i, const void *p, int n, void (*d)(void *)) {
    NEXT(sqlite3_bind_blob);
    char *hex = malloc((size_t)n * 2 + 1);
    for (int k = 0; k < n; k++) sprintf(hex + 2 * k, "%02x", ((const unsigned char *)p)[k]);
    hex[n * 2] = 0;
    put(s, i, 'b', hex, -1);
    free(hex);
    return real(s, i, p, n, d);
}

int sqlite3_step(sqlite3_stmt *s) {
    NEXT(sqlite3_step);
    if (!sqlite3_stmt_busy(s)) {
        pthread_mutex_lock(&lock);
        if (!out) {
            const char *path = getenv("GW_SQL_TRACE");
            out = fopen(path ? path : "/tmp/gw-sql.trace", "a");
        }
        if (out) {
            fprintf(out, "%p\x1f", (void *)sqlite3_db_handle(s));
            escaped(sqlite3_sql(s));
            Slot *slot = slot_for(s, 0);
            int n = sqlite3_bind_parameter_count(s);
            for (int i = 0; i < n && i < MAXP; i++) {
                fputc(0x1f, out);
                Value *v = slot ? &slot->values[i] : NULL;
                fputc(v && v->type ? v->type : 'n', out);
                if (v && v->text) escaped(v->text);
            }
            fputc('\n', out);
            fflush(out);
        }
        pthread_mutex_unlock(&lock);
    }
    return real(s);
}

int sqlite3_finalize(sqlite3_stmt *s) {
    NEXT(sqlite3_finalize);
    pthread_mutex_lock(&lock);
    Slot *slot = slot_for(s, 0);
    if (slot) {
        for (int i = 0; i < MAXP; i++) { free(slot->values[i].text); slot->values[i].text = NULL; slot->values[i].type = 0; }
    }
    pthread_mutex_unlock(&lock);
    return real(s);
}
