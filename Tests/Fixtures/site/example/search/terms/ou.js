BULLETIN_SEARCH_TERMS("ou", {
"out":[20,18]
});
