BULLETIN_SEARCH_TERMS("tw", {
"twice":[4],
"two":[15]
});
