BULLETIN_SEARCH_TERMS("ch", {
"change":[44],
"changing":[60],
"charge":[12],
"chechnya":[14,32],
"chisinau":[6,24],
"chronology":[68]
});
