BULLETIN_SEARCH_TERMS("gr", {
"groups":[22,41],
"grozny":[23,39]
});
