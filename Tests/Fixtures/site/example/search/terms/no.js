BULLETIN_SEARCH_TERMS("no", {
"no":[52],
"not":[4,32,34],
"note":[47],
"nothing":[20],
"now":[20]
});
