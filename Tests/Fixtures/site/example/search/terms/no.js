BULLETIN_SEARCH_TERMS("no", {
"no":[4],
"not":[22,6,32],
"note":[71],
"nothing":[44],
"now":[44]
});
