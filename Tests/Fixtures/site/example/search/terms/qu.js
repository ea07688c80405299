BULLETIN_SEARCH_TERMS("qu", {
"question":[30],
"questions":[4]
});
