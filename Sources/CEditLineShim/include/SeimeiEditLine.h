#ifndef SEIMEI_EDITLINE_H
#define SEIMEI_EDITLINE_H

// Non-variadic wrappers over libedit for Swift, which cannot call el_set, el_get or history
// (they are variadic) nor name the C standard streams. Plus the few process-level calls the
// line editor needs: locale, SIGINT and SIGWINCH handling, and the terminal's width.

#include <histedit.h>

/// Sets LC_CTYPE from the environment; when that fails or is not UTF-8, C.UTF-8.
/// Returns 1 when the resulting locale is UTF-8.
int seimei_setlocale_utf8(void);

/// el_init on stdin, stdout and stderr, reading characters so that SIGINT always ends el_gets
/// (which then fails with EINTR), even when it comes while libedit is not blocked in read(2).
EditLine *seimei_el_init(const char *program);

/// Shows this text as the prompt (copied).
int seimei_el_set_prompt_text(EditLine *el, const char *prompt);
/// Puts the terminal in editing mode now. el_gets does so only after drawing the prompt, so keys
/// typed as soon as the prompt shows would otherwise be echoed and edited by the terminal driver.
int seimei_el_prep_term(EditLine *el);
int seimei_el_set_editor(EditLine *el, const char *mode);
int seimei_el_set_signal(EditLine *el, int handle);
int seimei_el_set_history(EditLine *el, History *list);
int seimei_el_set_clientdata(EditLine *el, void *data);
void *seimei_el_get_clientdata(EditLine *el);
int seimei_el_addfn(
  EditLine *el, const char *name, const char *help, unsigned char (*function)(EditLine *, int));
int seimei_el_bind(EditLine *el, const char *key, const char *function_name);

History *seimei_history_init(int size);
int seimei_history_enter(History *list, const char *line);
void seimei_history_end(History *list);

/// Installs SIGINT (without SA_RESTART, so a blocked read returns EINTR) and SIGWINCH handlers
/// that only set flags; the SIGINT one also wakes the line editor's wait for input. Unblocks
/// both signals, in case the process was started with them blocked.
void seimei_install_signal_handlers(void);
/// Returns and clears the flag set by SIGINT.
int seimei_take_interrupt(void);
/// Returns and clears the flag set by SIGWINCH.
int seimei_take_resize(void);

/// Columns of the terminal on this descriptor, or 0 when it is not a terminal.
int seimei_terminal_columns(int fd);

#endif
