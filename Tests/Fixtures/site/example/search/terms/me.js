BULLETIN_SEARCH_TERMS("me", {
"meanwhile":[12],
"median":[52],
"mediate":[4],
"mediators":[29],
"meet":[55],
"meeting":[4,19,13],
"members":[62],
"memorial":[12],
"met":[6,38]
});
