BULLETIN_SEARCH_TERMS("ex", {
"exemptions":[68],
"expect":[28],
"exports":[36],
"extension":[68]
});
