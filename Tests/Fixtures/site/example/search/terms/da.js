BULLETIN_SEARCH_TERMS("da", {
"dagestan":[63],
"day":[68]
});
