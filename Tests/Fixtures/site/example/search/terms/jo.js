BULLETIN_SEARCH_TERMS("jo", {
"join":[22],
"joint":[28]
});
