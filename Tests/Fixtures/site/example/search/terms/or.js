BULLETIN_SEARCH_TERMS("or", {
"organised":[38],
"organization":[6]
});
