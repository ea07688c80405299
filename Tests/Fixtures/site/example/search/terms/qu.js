BULLETIN_SEARCH_TERMS("qu", {
"question":[54],
"questions":[28]
});
