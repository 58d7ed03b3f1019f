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
#endif
