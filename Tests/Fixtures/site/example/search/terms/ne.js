BULLETIN_SEARCH_TERMS("ne", {
"negotiations":[44],
"negotiators":[54],
"neither":[52],
"new":[12,58],
"next":[31,7,6]
});
