BULLETIN_SEARCH_TERMS("me", {
"meanwhile":[60],
"median":[28],
"mediate":[52],
"mediators":[5],
"meet":[31],
"meeting":[12,40,19],
"members":[38],
"memorial":[60],
"met":[20,34]
});
