BULLETIN_SEARCH_TERMS("ch", {
"change":[20],
"changing":[36],
"charge":[60],
"chechnya":[22,40],
"chisinau":[6,48],
"chronology":[44]
});
