BULLETIN_SEARCH_TERMS("po", {
"policeman":[60],
"political":[4],
"position":[68],
"posts":[4]
});
