BULLETIN_SEARCH_TERMS("na", {
"narrowed":[52],
"nazarbaev":[15]
});
