BULLETIN_SEARCH_TERMS("la", {
"larger":[38],
"last":[6,8],
"late":[68]
});
