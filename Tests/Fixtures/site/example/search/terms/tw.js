BULLETIN_SEARCH_TERMS("tw", {
"twice":[52],
"two":[63]
});
