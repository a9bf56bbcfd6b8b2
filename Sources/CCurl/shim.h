#ifndef EVALCREW_CURL_SHIM_H
#define EVALCREW_CURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic and do not import into Swift:
   typed wrappers, one per argument kind. */
static inline CURLcode evalcrew_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode evalcrew_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode evalcrew_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode evalcrew_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }

/// The version string of the linked libcurl.
static inline const char *evalcrew_curl_version(void) { return curl_version(); }
#endif
