BULLETIN_SEARCH_TERMS("ye", {
"years":[60]
});
