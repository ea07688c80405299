BULLETIN_SEARCH_TERMS("ru", {
"russia":[54,8],
"russian":[22,24]
});
