BULLETIN_SEARCH_TERMS("li", {
"line":[52],
"link":[4],
"little":[52],
"living":[44]
});
