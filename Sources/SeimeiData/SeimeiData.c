#include "SeimeiData.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const char cues[] = {
#embed "data/cues.tsv"
  , 0};

static const char gazetteer[] = {
#embed "data/gazetteer.tsv"
  , 0};

const char *seimei_data_cues(void) { return cues; }

const char *seimei_data_gazetteer(void) { return gazetteer; }
