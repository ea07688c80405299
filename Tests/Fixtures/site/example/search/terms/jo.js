BULLETIN_SEARCH_TERMS("jo", {
"join":[70],
"joint":[4]
});
