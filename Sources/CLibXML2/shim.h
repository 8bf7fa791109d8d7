// libxml2 for Swift. Debian builds libxml2 with ICU, and its encoding.h then includes ICU's
// headers, whose UErrorCode clashes with the ICU copy inside Foundation (_FoundationICU) as
// soon as a Swift file imports both. Seimei never touches the ICU-dependent members of
// libxml2's structures (it passes UTF-8 only), so the ICU part is left out of this module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
