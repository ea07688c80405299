BULLETIN_SEARCH_TERMS("le", {
"leadership":[4,16],
"left":[30],
"legal":[31]
});
