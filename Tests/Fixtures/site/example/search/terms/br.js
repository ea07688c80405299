BULLETIN_SEARCH_TERMS("br", {
"break":[20,34],
"breakaway":[28]
});
