BULLETIN_SEARCH_TERMS("na", {
"narrowed":[4],
"nazarbaev":[39]
});
