BULLETIN_SEARCH_TERMS("re", {
"reached":[52],
"read":[68],
"readers":[44],
"refining":[12],
"region":[4],
"regional":[12,26],
"relatives":[60],
"remarks":[68],
"report":[14],
"reported":[22,41],
"reports":[44,16],
"republic":[20],
"resume":[49],
"return":[1],
"reuters":[52],
"reverse":[52]
});
