#include "SeimeiEditLine.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <unistd.h>
#include <wchar.h>

int seimei_setlocale_utf8(void) {
  const char *set = setlocale(LC_CTYPE, "");
  const char *codeset = set ? nl_langinfo(CODESET) : NULL;
  if (!codeset || strcmp(codeset, "UTF-8") != 0) {
    setlocale(LC_CTYPE, "C.UTF-8");
    codeset = nl_langinfo(CODESET);
  }
  return codeset && strcmp(codeset, "UTF-8") == 0;
}

static int read_character(EditLine *el, wchar_t *character);

EditLine *seimei_el_init(const char *program) {
  EditLine *el = el_init(program, stdin, stdout, stderr);
  if (el) el_set(el, EL_GETCFN, read_character);
  return el;
}

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

int seimei_el_prep_term(EditLine *el) { return el_set(el, EL_PREP_TERM, 1); }

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
/// Written to by the SIGINT handler, so a wait for input ends even when the signal came before it.
static int wake_pipe[2] = {-1, -1};

static void on_interrupt(int signal_number) {
  (void)signal_number;
  interrupted = 1;
  if (wake_pipe[1] >= 0) {
    int saved = errno;
    ssize_t ignored = write(wake_pipe[1], "", 1);
    (void)ignored;
    errno = saved;
  }
}

/// The terminal on standard input opened again, non-blocking (without changing the flags of
/// standard input itself): input that select reported may be gone by the time it is read, as
/// Ctrl-C discards pending input, and a blocking read would then wait for the next key.
static int nonblocking_input(void) {
  static int descriptor = -2;
  if (descriptor == -2) {
    const char *name = ttyname(fileno(stdin));
    descriptor = name ? open(name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) : -1;
  }
  return descriptor;
}

/// libedit's character reader, except that it waits for input with select on the terminal and on
/// the wake pipe, and fails with EINTR once SIGINT has come. libedit's own reader only sees
/// SIGINT when it interrupts read(2); one that comes while libedit is busy (drawing the prompt,
/// handling pasted text) is lost until the next key.
static int read_character(EditLine *el, wchar_t *character) {
  (void)el;
  int input = nonblocking_input();
  if (input < 0) input = fileno(stdin);
  char bytes[MB_LEN_MAX];
  size_t count = 0;
  *character = L'\0';
  for (;;) {
    if (interrupted) {
      errno = EINTR;
      return -1;
    }
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(input, &readable);
    int highest = input;
    if (wake_pipe[0] >= 0) {
      FD_SET(wake_pipe[0], &readable);
      if (wake_pipe[0] > highest) highest = wake_pipe[0];
    }
    if (select(highest + 1, &readable, NULL, NULL, NULL) < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (wake_pipe[0] >= 0 && FD_ISSET(wake_pipe[0], &readable)) {
      char drain[16];
      while (read(wake_pipe[0], drain, sizeof drain) > 0) {}
    }
    if (!FD_ISSET(input, &readable)) continue;
    ssize_t got = read(input, bytes + count, 1);
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    if (got == 0) return 0;
    count += 1;
    for (;;) {
      mbstate_t state;
      memset(&state, 0, sizeof state);
      size_t length = mbrtowc(character, bytes, count, &state);
      if (length == (size_t)-2) {
        if (count < MB_LEN_MAX) break;  // incomplete: read another byte
        *character = L'\0';
        errno = EILSEQ;
        return -1;
      }
      if (length == (size_t)-1) {
        // Invalid: drop it, but decode its last byte afresh, as libedit does.
        if (count > 1) {
          bytes[0] = bytes[count - 1];
          count = 1;
          continue;
        }
        count = 0;
        break;
      }
      return 1;
    }
  }
}

static void on_resize(int signal_number) {
  (void)signal_number;
  resized = 1;
}

void seimei_install_signal_handlers(void) {
  if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
    for (int i = 0; i < 2; i++) {
      fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
      fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
    }
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_interrupt;
  action.sa_flags = 0;  // no SA_RESTART: el_gets returns with EINTR
  sigaction(SIGINT, &action, NULL);
  action.sa_handler = on_resize;
  action.sa_flags = SA_RESTART;
  sigaction(SIGWINCH, &action, NULL);
  // A blocked signal mask is inherited through exec: Foundation's Process on Linux, for one,
  // starts children with most signals blocked, which would leave Ctrl-C without effect.
  sigset_t handled;
  sigemptyset(&handled);
  sigaddset(&handled, SIGINT);
  sigaddset(&handled, SIGWINCH);
  sigprocmask(SIG_UNBLOCK, &handled, NULL);
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
