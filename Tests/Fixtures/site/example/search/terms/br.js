BULLETIN_SEARCH_TERMS("br", {
"break":[30,38],
"breakaway":[4]
});
