BULLETIN_SEARCH_TERMS("gr", {
"groups":[15,31],
"grozny":[14,33]
});
