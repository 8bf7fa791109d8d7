#include "SeimeiData.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const char cues[] = {
#embed "data/cues.tsv"
  , 0};

static const char gazetteer[] = {
#embed "data/gazetteer.tsv"
  , 0};

static const char measures[] = {
#embed "data/measures.tsv"
  , 0};

static const char stopwords_en[] = {
#embed "data/stopwords-en.txt"
  , 0};

static const char stopwords_ja[] = {
#embed "data/stopwords-ja.txt"
  , 0};

const char *seimei_data_cues(void) { return cues; }

const char *seimei_data_gazetteer(void) { return gazetteer; }

const char *seimei_data_measures(void) { return measures; }

const char *seimei_data_stopwords_en(void) { return stopwords_en; }

const char *seimei_data_stopwords_ja(void) { return stopwords_ja; }
