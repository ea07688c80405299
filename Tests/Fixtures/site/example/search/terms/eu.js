BULLETIN_SEARCH_TERMS("eu", {
"europe":[30],
"european":[6,48]
});
