#ifndef SEIMEI_ICU_H
#define SEIMEI_ICU_H

// Unversioned wrappers over ICU's break iterators. ICU renames its symbols per version
// (ubrk_open becomes ubrk_open_72) through macros that only C sees, so Swift calls these.

#include <stdint.h>

typedef struct seimei_break_iterator seimei_break_iterator;

enum {
  SEIMEI_BREAK_CHARACTER = 0,
  SEIMEI_BREAK_WORD = 1,
  SEIMEI_BREAK_LINE = 2,
  SEIMEI_BREAK_SENTENCE = 3,
};

/// Opens a break iterator of `kind` for `locale` ("ja", "en", …) over UTF-16 `text`, which must
/// stay alive while the iterator is used. Returns NULL on failure.
seimei_break_iterator *seimei_break_open(
  int kind, const char *locale, const uint16_t *text, int32_t length);
void seimei_break_close(seimei_break_iterator *iterator);
/// The first boundary (0), then each following one; -1 when done.
int32_t seimei_break_first(seimei_break_iterator *iterator);
int32_t seimei_break_next(seimei_break_iterator *iterator);
/// The rule status of the boundary last returned: for words, 0–99 none (spaces, punctuation),
/// 100–199 number, 200–299 letter, 300–399 kana, 400–499 ideographic.
int32_t seimei_break_rule_status(seimei_break_iterator *iterator);

#endif
