BULLETIN_SEARCH_TERMS("cr", {
"critics":[12]
});
