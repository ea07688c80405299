BULLETIN_SEARCH_TERMS("ru", {
"russia":[30,8],
"russian":[22,48]
});
