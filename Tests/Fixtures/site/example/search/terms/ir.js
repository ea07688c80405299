BULLETIN_SEARCH_TERMS("ir", {
"iran":[30]
});
