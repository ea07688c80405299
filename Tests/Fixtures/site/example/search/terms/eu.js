BULLETIN_SEARCH_TERMS("eu", {
"europe":[6],
"european":[30,24]
});
