BULLETIN_SEARCH_TERMS("li", {
"line":[28],
"link":[52],
"little":[28],
"living":[20]
});
