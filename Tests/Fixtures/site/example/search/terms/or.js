BULLETIN_SEARCH_TERMS("or", {
"organised":[62],
"organization":[30]
});
