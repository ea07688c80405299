BULLETIN_SEARCH_TERMS("az", {
"azerbaijan":[30]
});
