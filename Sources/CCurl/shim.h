#ifndef EVALCREW_CURL_SHIM_H
#define EVALCREW_CURL_SHIM_H
/* libcurl, loaded at run time.

   Only the types and constants come from <curl/curl.h>; nothing links against libcurl. On first
   use evalcrew_curl_load() opens the shared library and looks up the entry points evalcrew calls,
   and every call goes through that table. Calling libcurl's functions directly (curl_easy_init,
   ...) fails to link on purpose. */
#include <curl/curl.h>
#include <dlfcn.h>
#include <stdio.h>

/* The table holds nothing but function pointers, written once by evalcrew_curl_load before it is
   shared and never changed after: safe to hand to any thread, hence Sendable in Swift. */
#define EVALCREW_CURL_SENDABLE __attribute__((swift_attr("@Sendable")))

/* The libcurl entry points evalcrew calls. */
typedef struct EVALCREW_CURL_SENDABLE evalcrew_curl_api {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *string);
    void (*slist_free_all)(struct curl_slist *list);
    char *(*version)(void);
} evalcrew_curl_api;

/* Opens the first library of `names` that loads and fills `api` from it. Returns 1 on success;
   0 with the reason in `message` (at most `capacity` bytes, NUL-terminated) when none opens or an
   entry point is missing. Not thread-safe: call it once (Swift keeps the result in a lazily
   initialised global). */
static inline int evalcrew_curl_load(const char *const *names, size_t count, evalcrew_curl_api *api,
                                     char *message, size_t capacity) {
    void *library = NULL;
    if (capacity > 0) message[0] = '\0';
    for (size_t i = 0; i < count && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        /* The first name's failure says the most ("libcurl.so.4: cannot open shared object file"). */
        const char *error = library == NULL ? dlerror() : NULL;
        if (i == 0 && library == NULL) snprintf(message, capacity, "%s", error != NULL ? error : "cannot be opened");
    }
    if (library == NULL) {
        if (count == 0) snprintf(message, capacity, "no library name given");
        return 0;
    }
#define EVALCREW_CURL_SYMBOL(field, symbol)                                                    \
    do {                                                                                       \
        *(void **)(&api->field) = dlsym(library, symbol);                                      \
        if (api->field == NULL) {                                                              \
            snprintf(message, capacity, "the loaded libcurl has no `%s`", symbol);             \
            dlclose(library);                                                                  \
            return 0;                                                                          \
        }                                                                                      \
    } while (0)
    EVALCREW_CURL_SYMBOL(global_init, "curl_global_init");
    EVALCREW_CURL_SYMBOL(easy_init, "curl_easy_init");
    EVALCREW_CURL_SYMBOL(easy_cleanup, "curl_easy_cleanup");
    EVALCREW_CURL_SYMBOL(easy_setopt, "curl_easy_setopt");
    EVALCREW_CURL_SYMBOL(easy_getinfo, "curl_easy_getinfo");
    EVALCREW_CURL_SYMBOL(easy_perform, "curl_easy_perform");
    EVALCREW_CURL_SYMBOL(easy_strerror, "curl_easy_strerror");
    EVALCREW_CURL_SYMBOL(slist_append, "curl_slist_append");
    EVALCREW_CURL_SYMBOL(slist_free_all, "curl_slist_free_all");
    EVALCREW_CURL_SYMBOL(version, "curl_version");
#undef EVALCREW_CURL_SYMBOL
    /* Global set-up before any handle exists; the library stays open for the process's life. */
    CURLcode code = api->global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        snprintf(message, capacity, "curl_global_init failed: %s", api->easy_strerror(code));
        return 0;
    }
    return 1;
}

/* curl_easy_setopt and curl_easy_getinfo are variadic and do not import into Swift:
   typed wrappers, one per argument kind. */
static inline CURLcode evalcrew_curl_setopt_long(evalcrew_curl_api api, CURL *h, CURLoption o, long v) {
    return api.easy_setopt(h, o, v);
}
static inline CURLcode evalcrew_curl_setopt_string(evalcrew_curl_api api, CURL *h, CURLoption o, const char *v) {
    return api.easy_setopt(h, o, v);
}
static inline CURLcode evalcrew_curl_setopt_pointer(evalcrew_curl_api api, CURL *h, CURLoption o, void *v) {
    return api.easy_setopt(h, o, v);
}

/* A write or header callback: (data, size, count, user data) -> bytes taken. */
typedef size_t (*evalcrew_curl_data_callback)(char *data, size_t size, size_t count, void *user);
static inline CURLcode evalcrew_curl_setopt_data_callback(evalcrew_curl_api api, CURL *h, CURLoption o,
                                                          evalcrew_curl_data_callback v) {
    return api.easy_setopt(h, o, v);
}
static inline CURLcode evalcrew_curl_setopt_xferinfo_callback(evalcrew_curl_api api, CURL *h,
                                                              curl_xferinfo_callback v) {
    return api.easy_setopt(h, CURLOPT_XFERINFOFUNCTION, v);
}

static inline CURLcode evalcrew_curl_getinfo_long(evalcrew_curl_api api, CURL *h, CURLINFO i, long *v) {
    return api.easy_getinfo(h, i, v);
}

static inline CURL *evalcrew_curl_easy_init(evalcrew_curl_api api) { return api.easy_init(); }
static inline void evalcrew_curl_easy_cleanup(evalcrew_curl_api api, CURL *h) { api.easy_cleanup(h); }
static inline CURLcode evalcrew_curl_easy_perform(evalcrew_curl_api api, CURL *h) { return api.easy_perform(h); }
static inline const char *evalcrew_curl_easy_strerror(evalcrew_curl_api api, CURLcode c) { return api.easy_strerror(c); }
static inline struct curl_slist *evalcrew_curl_slist_append(evalcrew_curl_api api, struct curl_slist *l, const char *s) {
    return api.slist_append(l, s);
}
static inline void evalcrew_curl_slist_free_all(evalcrew_curl_api api, struct curl_slist *l) { api.slist_free_all(l); }

/* The version string of the loaded libcurl. */
static inline const char *evalcrew_curl_version(evalcrew_curl_api api) { return api.version(); }
#endif
