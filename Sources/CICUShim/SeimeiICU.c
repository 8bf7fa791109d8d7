#include "SeimeiICU.h"

#include <unicode/ubrk.h>

seimei_break_iterator *seimei_break_open(
  int kind, const char *locale, const uint16_t *text, int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator =
    ubrk_open((UBreakIteratorType)kind, locale, (const UChar *)text, length, &status);
  if (U_FAILURE(status)) {
    if (iterator) ubrk_close(iterator);
    return NULL;
  }
  return (seimei_break_iterator *)iterator;
}

void seimei_break_close(seimei_break_iterator *iterator) {
  if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t seimei_break_first(seimei_break_iterator *iterator) {
  return ubrk_first((UBreakIterator *)iterator);
}

int32_t seimei_break_next(seimei_break_iterator *iterator) {
  int32_t next = ubrk_next((UBreakIterator *)iterator);
  return next == UBRK_DONE ? -1 : next;
}

int32_t seimei_break_rule_status(seimei_break_iterator *iterator) {
  return ubrk_getRuleStatus((UBreakIterator *)iterator);
}
