#ifndef SEIMEI_DATA_H
#define SEIMEI_DATA_H

// Seimei's data files, compiled into the binary with C23 #embed, so the seimei executable
// works when copied alone to another folder. The files themselves stay plain UTF-8 text in
// Sources/SeimeiData/data/, each documented at its top.

/// The cue lexicon (data/cues.tsv), NUL-terminated.
const char *seimei_data_cues(void);
/// The gazetteer of states, agencies and bodies (data/gazetteer.tsv), NUL-terminated.
const char *seimei_data_gazetteer(void);
/// The words that name measures: indictments, sanctions, advisories (data/measures.tsv).
const char *seimei_data_measures(void);
/// English stop words for term lists and keyness (data/stopwords-en.txt).
const char *seimei_data_stopwords_en(void);
/// Japanese stop words (particles, auxiliaries, function words) (data/stopwords-ja.txt).
const char *seimei_data_stopwords_ja(void);

#endif
