#include "SeimeiEditLine.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int seimei_setlocale_utf8(void) {
  const char *set = setlocale(LC_CTYPE, "");
  const char *codeset = set ? nl_langinfo(CODESET) : NULL;
  if (!codeset || strcmp(codeset, "UTF-8") != 0) {
    setlocale(LC_CTYPE, "C.UTF-8");
    codeset = nl_langinfo(CODESET);
  }
  return codeset && strcmp(codeset, "UTF-8") == 0;
}

EditLine *seimei_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }

static char *prompt_text = NULL;

static char *prompt_function(EditLine *el) {
  (void)el;
  return prompt_text ? prompt_text : "";
}

int seimei_el_set_prompt_text(EditLine *el, const char *prompt) {
  char *copy = strdup(prompt ? prompt : "");
  if (!copy) return -1;
  free(prompt_text);
  prompt_text = copy;
  return el_set(el, EL_PROMPT, prompt_function);
}

int seimei_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

int seimei_el_set_signal(EditLine *el, int handle) { return el_set(el, EL_SIGNAL, handle); }

int seimei_el_set_history(EditLine *el, History *list) {
  return el_set(el, EL_HIST, history, list);
}

int seimei_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

void *seimei_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

int seimei_el_addfn(
  EditLine *el, const char *name, const char *help, unsigned char (*function)(EditLine *, int)) {
  return el_set(el, EL_ADDFN, name, help, function);
}

int seimei_el_bind(EditLine *el, const char *key, const char *function_name) {
  return el_set(el, EL_BIND, key, function_name, NULL);
}

History *seimei_history_init(int size) {
  History *list = history_init();
  if (!list) return NULL;
  HistEvent event;
  history(list, &event, H_SETSIZE, size);
  history(list, &event, H_SETUNIQUE, 1);
  return list;
}

int seimei_history_enter(History *list, const char *line) {
  HistEvent event;
  return history(list, &event, H_ENTER, line);
}

void seimei_history_end(History *list) { history_end(list); }

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t resized = 0;

static void on_interrupt(int signal_number) {
  (void)signal_number;
  interrupted = 1;
}

static void on_resize(int signal_number) {
  (void)signal_number;
  resized = 1;
}

void seimei_install_signal_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_interrupt;
  action.sa_flags = 0;  // no SA_RESTART: el_gets returns with EINTR
  sigaction(SIGINT, &action, NULL);
  action.sa_handler = on_resize;
  action.sa_flags = SA_RESTART;
  sigaction(SIGWINCH, &action, NULL);
}

int seimei_take_interrupt(void) {
  int value = interrupted;
  interrupted = 0;
  return value;
}

int seimei_take_resize(void) {
  int value = resized;
  resized = 0;
  return value;
}

int seimei_terminal_columns(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}
