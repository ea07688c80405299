BULLETIN_SEARCH_TERMS("ro", {
"romania":[6],
"round":[6,14,10]
});
