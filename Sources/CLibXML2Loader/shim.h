#ifndef EVALCREW_LIBXML2_LOADER_H
#define EVALCREW_LIBXML2_LOADER_H
/* libxml2's HTML tree and serializer, loaded at run time.

   Nothing here includes libxml2's headers (they need its include folder and pull in the system
   ICU): the few entry points the HTML report calls are declared by their C ABI, with every
   document, node and attribute an opaque pointer. evalcrew_xml_load() opens the shared library
   once and fills the table; every call goes through it. */
#include <dlfcn.h>
#include <stdio.h>
#include <stddef.h>

/* Only function pointers, written once before the table is shared: safe on any thread. */
#define EVALCREW_XML_SENDABLE __attribute__((swift_attr("@Sendable")))

typedef struct EVALCREW_XML_SENDABLE evalcrew_xml_api {
    void *(*html_new_doc_no_dtd)(const char *uri, const char *external_id);
    void *(*create_int_subset)(void *doc, const char *name, const char *external_id, const char *system_id);
    void *(*new_doc_node)(void *doc, void *ns, const char *name, const char *content);
    void *(*doc_set_root_element)(void *doc, void *root);
    void *(*new_child)(void *parent, void *ns, const char *name, const char *content);
    void *(*new_text_child)(void *parent, void *ns, const char *name, const char *content);
    void *(*new_prop)(void *node, const char *name, const char *value);
    void (*node_add_content_len)(void *node, const char *content, int length);
    int (*html_set_meta_encoding)(void *doc, const char *encoding);
    void (*html_doc_dump_memory_format)(void *doc, char **memory, int *size, int format);
    void (*free_doc)(void *doc);
    /* `xmlFree` is a global variable holding a function pointer: its address is looked up. */
    void (**free_memory)(void *memory);
    const char **parser_version;
} evalcrew_xml_api;

/* Opens the first of `names` that loads and fills `api`. Returns 1 on success; 0 with the reason
   in `message` (NUL-terminated, at most `capacity` bytes). Call it once (Swift keeps the result
   in a lazily initialised global). */
static inline int evalcrew_xml_load(const char *const *names, size_t count, evalcrew_xml_api *api,
                                    char *message, size_t capacity) {
    void *library = NULL;
    if (capacity > 0) message[0] = '\0';
    for (size_t i = 0; i < count && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        const char *error = library == NULL ? dlerror() : NULL;
        if (i == 0 && library == NULL) snprintf(message, capacity, "%s", error != NULL ? error : "cannot be opened");
    }
    if (library == NULL) {
        if (count == 0) snprintf(message, capacity, "no library name given");
        return 0;
    }
#define EVALCREW_XML_SYMBOL(field, symbol)                                                     \
    do {                                                                                       \
        *(void **)(&api->field) = dlsym(library, symbol);                                      \
        if (api->field == NULL) {                                                              \
            snprintf(message, capacity, "the loaded libxml2 has no `%s`", symbol);             \
            dlclose(library);                                                                  \
            return 0;                                                                          \
        }                                                                                      \
    } while (0)
    EVALCREW_XML_SYMBOL(html_new_doc_no_dtd, "htmlNewDocNoDtD");
    EVALCREW_XML_SYMBOL(create_int_subset, "xmlCreateIntSubset");
    EVALCREW_XML_SYMBOL(new_doc_node, "xmlNewDocNode");
    EVALCREW_XML_SYMBOL(doc_set_root_element, "xmlDocSetRootElement");
    EVALCREW_XML_SYMBOL(new_child, "xmlNewChild");
    EVALCREW_XML_SYMBOL(new_text_child, "xmlNewTextChild");
    EVALCREW_XML_SYMBOL(new_prop, "xmlNewProp");
    EVALCREW_XML_SYMBOL(node_add_content_len, "xmlNodeAddContentLen");
    EVALCREW_XML_SYMBOL(html_set_meta_encoding, "htmlSetMetaEncoding");
    EVALCREW_XML_SYMBOL(html_doc_dump_memory_format, "htmlDocDumpMemoryFormat");
    EVALCREW_XML_SYMBOL(free_doc, "xmlFreeDoc");
    EVALCREW_XML_SYMBOL(free_memory, "xmlFree");
    EVALCREW_XML_SYMBOL(parser_version, "xmlParserVersion");
#undef EVALCREW_XML_SYMBOL
    return 1;
}

/* Frees memory libxml2 allocated (the serialised document) with libxml2's own deallocator. */
static inline void evalcrew_xml_free_memory(evalcrew_xml_api api, void *memory) { (*api.free_memory)(memory); }
/* libxml2's version string, e.g. "20914". */
static inline const char *evalcrew_xml_parser_version(evalcrew_xml_api api) { return *api.parser_version; }
#endif
