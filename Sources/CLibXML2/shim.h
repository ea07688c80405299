#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and then libxml/encoding.h includes ICU's own headers, whose
// enums clash with the copy of ICU inside Foundation (_FoundationICU) when a build meets both
// ("'U_…' from module '_FoundationICU' is not present in definition of 'enum UErrorCode'").
// Bulletin uses libxml2 only to parse and check documents, through pointers, and never its ICU
// converters, so the ICU part of encoding.h is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
