BULLETIN_SEARCH_TERMS("ex", {
"exemptions":[20],
"expect":[52],
"exports":[60],
"extension":[20]
});
