BULLETIN_SEARCH_TERMS("ko", {
"kommersant":[20]
});
