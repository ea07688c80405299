BULLETIN_SEARCH_TERMS("ho", {
"how":[38]
});
