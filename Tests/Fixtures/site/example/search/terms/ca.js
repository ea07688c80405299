BULLETIN_SEARCH_TERMS("ca", {
"call":[60],
"called":[20,40],
"came":[68],
"careful":[36],
"carries":[36],
"caspian":[31,15]
});
