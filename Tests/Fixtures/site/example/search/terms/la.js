BULLETIN_SEARCH_TERMS("la", {
"larger":[62],
"last":[30,8],
"late":[20]
});
