#ifndef EVALCREW_CMARK_SHIM_H
#define EVALCREW_CMARK_SHIM_H
#include <stdlib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

/// Frees a string returned by a cmark render function (they are malloc'd).
static inline void evalcrew_cmark_free(char *p) { free(p); }
#endif
