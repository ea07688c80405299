BULLETIN_SEARCH_TERMS("da", {
"dagestan":[15],
"day":[20]
});
