BULLETIN_SEARCH_TERMS("le", {
"leadership":[28,16],
"left":[54],
"legal":[55]
});
