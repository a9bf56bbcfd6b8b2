#ifndef EVALCREW_LIBXML2_SHIM_H
#define EVALCREW_LIBXML2_SHIM_H
/* libxml2's headers pull in the system ICU, which clashes with Foundation's own copy;
   we never use the ICU encoding handlers, so switch them off before the HTML headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function-pointer variable: not usable from Swift 6 concurrency. */
static inline void evalcrew_xml_free(void *p) { xmlFree(p); }
static inline const char *evalcrew_xml_version(void) { return LIBXML_DOTTED_VERSION; }
#endif
