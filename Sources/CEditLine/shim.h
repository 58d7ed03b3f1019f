#ifndef GW_CEDITLINE_SHIM_H
#define GW_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>

/// Setters for libedit's mutable globals, which Swift 6 will not touch directly.
static inline void gw_set_completion_function(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void gw_set_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void gw_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void gw_set_basic_word_break_characters(const char *s) { rl_basic_word_break_characters = (char *)s; }
static inline const char *gw_line_buffer(void) { return rl_line_buffer; }
static inline int gw_point(void) { return rl_point; }

/// Whether libedit installs its own signal handlers while reading (set before the first `readline`).
static inline void gw_set_catch_signals(int v) { rl_catch_signals = v; }
/// The function libedit reads each character with (installed by `rl_initialize`, so set it first).
static inline void gw_set_getc_function(int (*fn)(FILE *)) { rl_getc_function = fn; }
/// A hook run by `readline` after it has set the terminal up and before it reads.
static inline void gw_set_pre_input_hook(rl_hook_func_t *fn) { rl_pre_input_hook = fn; }
/// The application name for `~/.editrc` lines (`gw:bind ...`); `name` must outlive libedit.
static inline void gw_set_readline_name(const char *name) { rl_readline_name = name; }
#endif
