BULLETIN_SEARCH_TERMS("re", {
"reached":[4],
"read":[20],
"readers":[68],
"refining":[36],
"region":[28],
"regional":[36,26],
"relatives":[12],
"remarks":[20],
"report":[38],
"reported":[15,31],
"reports":[12,56],
"republic":[44],
"resume":[1],
"return":[25],
"reuters":[4],
"reverse":[4]
});
