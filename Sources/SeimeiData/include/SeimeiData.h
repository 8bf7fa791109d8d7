#ifndef SEIMEI_DATA_H
#define SEIMEI_DATA_H

// Seimei's data files (cue lexicon, gazetteer), compiled into the binary with C23 #embed, so
// the seimei executable works when copied alone to another folder. The files themselves stay
// plain UTF-8 TSV in Sources/SeimeiData/data/, documented at their top.

/// The cue lexicon (data/cues.tsv), NUL-terminated.
const char *seimei_data_cues(void);
/// The gazetteer of states, agencies and bodies (data/gazetteer.tsv), NUL-terminated.
const char *seimei_data_gazetteer(void);

#endif
