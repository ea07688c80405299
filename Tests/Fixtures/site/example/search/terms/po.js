BULLETIN_SEARCH_TERMS("po", {
"policeman":[12],
"political":[28],
"position":[20],
"posts":[28]
});
