BULLETIN_SEARCH_TERMS("ro", {
"romania":[54],
"round":[6,48,14]
});
