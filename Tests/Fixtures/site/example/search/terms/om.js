BULLETIN_SEARCH_TERMS("om", {
"ombudsman":[20]
});
