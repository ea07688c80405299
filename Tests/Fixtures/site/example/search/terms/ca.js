BULLETIN_SEARCH_TERMS("ca", {
"call":[12],
"called":[12,32],
"came":[20],
"careful":[60],
"carries":[60],
"caspian":[55,15]
});
