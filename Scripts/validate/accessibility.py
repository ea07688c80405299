#!/usr/bin/env python3
"""The accessibility check of record: axe-core, Deque's rules engine, run in headless Chromium.

axe-core's script comes from the PyPI package axe-playwright-python (only its script is used); Chromium and
its driver are Debian's `chromium` and `chromium-driver`, driven by Selenium. Reads what site.py and epub.py
built in WORK_DIR and checks:
- every page of the example site but its 404 page (see below), and the search page showing the results of
  a query, and site.py's search page of 130 equal results showing 100 and its "Show more" button;
- a sample of every kind of page of the generated 200-article site (home, publication, volume, issue,
  article, entity index, entity pages and their further pages, search, 404), the first ones in path order;
- the same sample of the example built with the newsprint theme, and `convert --to site`'s standalone page;
- every XHTML document of the example's books, per issue and per volume, and of three generated books.

Pages are checked against the rules axe tags WCAG 2.0, 2.1 and 2.2, levels A and AA, and against axe's best
practices, then again in the dark colour scheme (`prefers-color-scheme`) against the rules about colour
(contrast, and links told from text by more than colour). Book documents are checked
in the light scheme (reading systems choose their own night colours) against the WCAG rules only: the best
practices of one main landmark and one h1 a page are a web page's, and a book's landmarks are in its
navigation document. Any violation fails the check, and so does a colour contrast axe could not decide.

Two things axe leaves to people are checked in the same browser:
- reflow (WCAG 1.4.10): no page scrolls sideways in a window 320 CSS pixels wide, of all the pages of the
  example and newsprint sites, and of the generated site's every article page and one in four of the rest;
- keyboard focus (WCAG 2.4.1, 2.4.7): on a page of each kind of each site, the first Tab reaches the skip
  link and shows it, and every element Tab reaches in the first twelve presses shows an outline of at
  least 2 pixels or a shadow.
Usage: accessibility.py WORK_DIR"""
import collections, concurrent.futures, json, os, pathlib, re, sys, tempfile, zipfile

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

work = sys.argv[1]
axe_script = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
axe_version = re.search(r"axe v([\d.]+)", axe_script[:200]).group(1)
wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
colour_rules = ["color-contrast", "link-in-text-block"]


def pages(folder):
    return sorted(str(p) for p in pathlib.Path(folder).rglob("*.html"))


def kind(site, page):
    """The kind of a site page, from its path."""
    folders = os.path.relpath(page, site).split(os.sep)[:-1]
    if not folders:
        return "home" if page.endswith("index.html") else "404"
    if folders[0] == "entities":
        return ["entity index", "entity", "entity further page"][len(folders) - 1]
    if folders[0] == "search":
        return "search"
    return ["publication", "volume", "issue", "article"][len(folders) - 1]


def sample(site, per_kind):
    """The first pages of each kind, in path order."""
    chosen = collections.defaultdict(list)
    for page in pages(site):
        group = chosen[kind(site, page)]
        if len(group) < per_kind.get(kind(site, page), 2):
            group.append(page)
    return [page for group in chosen.values() for page in group]


def book_documents(epubs, folder):
    """Every XHTML document of the books, unpacked into `folder` with their stylesheets."""
    documents = []
    for epub in epubs:
        target = os.path.join(folder, os.path.basename(epub)[:-len(".epub")])
        with zipfile.ZipFile(epub) as book:
            book.extractall(target)
        documents += sorted(str(p) for p in pathlib.Path(target).rglob("*.xhtml"))
    return documents


per_kind = {"article": 10, "entity": 8, "entity further page": 3, "issue": 3, "volume": 3, "publication": 3}
example, generated, newsprint = (os.path.join(work, name, "site") for name in ("site-example", "site-200", "site-newsprint"))
# The example's 404 page links its stylesheet and pages by absolute URLs under the configured base URL, as a
# page served for any missing path must, and a file on disk cannot reach them; the generated site, built
# without a base URL, has its 404 page checked with relative links.
unreachable = os.path.join(example, "404.html")
checks = [(page, "site") for page in pages(example) if page != unreachable]
checks.append((os.path.join(example, "search", "index.html") + "?q=moscow", "site"))
# 130 results of equal score, 100 listed: the page with its "Show more" button.
checks.append((os.path.join(work, "site-ties", "site", "search", "index.html") + "?q=duma", "site"))
checks += [(page, "site") for page in sample(generated, per_kind)]
checks += [(page, "site") for page in sample(newsprint, {})]
checks.append((os.path.join(work, "standalone.html"), "site"))
unpacked = tempfile.mkdtemp(dir=work)
example_books = sorted(str(p) for p in pathlib.Path(work, "epub", "example", "epub").glob("*.epub"))
generated_books = sorted(str(p) for p in pathlib.Path(work, "epub", "c200-out", "epub").glob("*.epub"))[:3]
checks += [(document, "book") for document in book_documents(example_books + generated_books, unpacked)]
if len(example_books) < 2 or len(generated_books) < 3 or sum(1 for _, source in checks if source == "site") < 60:
    sys.exit(f"accessibility: expected the sites and books of site.py and epub.py in {work}")


def driver():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def audit(batch):
    """(page, scheme, violations, undecided contrasts, other incomplete rules) for each check of `batch`."""
    browser = driver()
    results = []
    try:
        for scheme in ("light", "dark"):
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for page, source in batch:
                if source == "book" and scheme == "dark":
                    continue
                browser.get("file://" + page)
                browser.execute_script(axe_script)
                # The dark scheme changes colours only, so only the rules about colour are run again in it.
                if scheme == "dark":
                    only = {"type": "rule", "values": colour_rules}
                else:
                    only = {"type": "tag", "values": wcag if source == "book" else wcag + ["best-practice"]}
                found = json.loads(browser.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {runOnly: arguments[0], resultTypes: ['violations', 'incomplete']})"
                    ".then(r => done(JSON.stringify({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                    " nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))})),"
                    " incomplete: r.incomplete.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))})))"
                    ".catch(e => done(JSON.stringify({error: String(e)})))", only))
                if "error" in found:
                    sys.exit(f"accessibility: axe failed on {page}: {found['error']}")
                contrast = [i for i in found["incomplete"] if i["id"] == "color-contrast"]
                others = [i["id"] for i in found["incomplete"] if i["id"] != "color-contrast"]
                results.append((page, scheme, found["violations"], contrast, others))
    finally:
        browser.quit()
    return results


def reflow(batch):
    """The pages of `batch` that scroll sideways in a window 320 CSS pixels wide, with what sticks out."""
    browser = driver()
    wide = []
    try:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        for page in batch:
            browser.get("file://" + page)
            beyond = browser.execute_script(
                "const width = document.documentElement.clientWidth;"
                "if (document.documentElement.scrollWidth <= width) return null;"
                "const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                "while (walker.nextNode() && out.length < 3) { const range = document.createRange(); range.selectNodeContents(walker.currentNode);"
                "  if ([...range.getClientRects()].some(r => r.right > width + 0.5)) out.push(walker.currentNode.parentElement.tagName + ' “' + walker.currentNode.textContent.trim().slice(0, 60) + '”'); }"
                "for (const e of document.body.querySelectorAll('*')) if (out.length < 3 && e.getBoundingClientRect().right > width + 0.5) out.push(e.tagName + '.' + e.className);"
                "return out;")
            if beyond is not None:
                wide.append((page, beyond))
    finally:
        browser.quit()
    return wide


def focus(batch, presses=12):
    """For each page of `batch`: what the first Tab reaches, whether it shows, and each focused element
    that shows no focus indicator (no outline, no box shadow) as Tab moves through the page."""
    browser = driver()
    found = []
    try:
        for page in batch:
            browser.get("file://" + page)
            seen = []
            for _ in range(presses):
                ActionChains(browser).send_keys(Keys.TAB).perform()
                seen.append(browser.execute_script(
                    "const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();"
                    "return {name: e.tagName + (e.className ? '.' + e.className : '') + ' “' + (e.textContent || e.value || '').trim().slice(0, 30) + '”',"
                    " skip: e.classList.contains('skip-link'), body: e === document.body,"
                    " shown: r.top >= 0 && r.bottom <= innerHeight && r.width > 0 && r.height > 0,"
                    " indicated: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'}"))
            found.append((page, seen))
    finally:
        browser.quit()
    return found


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    results = [r for part in pool.map(audit, [checks[0::2], checks[1::2]]) for r in part]
    # Every page of the example and newsprint sites; of the generated one every article page (their titles
    # hold the archive's longest words) and one in four of the others, in path order.
    articles = [page for page in pages(generated) if kind(generated, page) == "article"]
    others = [page for page in pages(generated) if kind(generated, page) != "article"]
    narrow = [page for page in pages(example) + pages(newsprint) + articles + others[::4] if page != unreachable]
    wide = [w for part in pool.map(reflow, [narrow[0::2], narrow[1::2]]) for w in part]
    one_each = {"article": 1, "entity": 1, "entity further page": 0, "issue": 1, "volume": 1, "publication": 1}
    tabbed = [page for site in (example, generated, newsprint) for page in sample(site, one_each) if page != unreachable]
    walks = [w for part in pool.map(focus, [tabbed[0::2], tabbed[1::2]]) for w in part]

failed = False
for page, beyond in wide:
    failed = True
    print(f"FAIL: {os.path.relpath(page, work)} scrolls sideways 320 CSS pixels wide (WCAG 1.4.10): {'; '.join(beyond)}", file=sys.stderr)
for page, seen in walks:
    shown = os.path.relpath(page, work)
    if not seen[0]["skip"] or not seen[0]["shown"]:
        failed = True
        print(f"FAIL: {shown}: the first Tab reaches {seen[0]['name']}, {'shown' if seen[0]['shown'] else 'not shown'}, not a visible skip link", file=sys.stderr)
    for element in seen:
        if not element["body"] and not element["indicated"]:
            failed = True
            print(f"FAIL: {shown}: {element['name']} shows no focus indicator when Tab reaches it (WCAG 2.4.7)", file=sys.stderr)
for page, scheme, violations, contrast, _ in results:
    shown = os.path.relpath(page.split("?")[0], work) + ("?" + page.split("?")[1] if "?" in page else "")
    for violation in violations:
        failed = True
        print(f"FAIL: {shown} ({scheme}): {violation['id']} ({violation['impact']}): {violation['help']}", file=sys.stderr)
        for node in violation["nodes"][:3]:
            print(f"    {node[:300]}", file=sys.stderr)
    for item in contrast:
        failed = True
        print(f"FAIL: {shown} ({scheme}): axe could not decide the colour contrast of {', '.join(item['nodes'][:3])}", file=sys.stderr)
others = collections.Counter(rule for *_, rules in results for rule in rules)
site_pages = sum(1 for _, source in checks if source == "site")
kinds = sorted({kind(example, page) for page in pages(example)})
print(f"axe-core {axe_version}: {site_pages} site pages ({len(kinds)} kinds: {', '.join(kinds)}), light and dark; "
      f"{len(checks) - site_pages} documents of {len(example_books) + len(generated_books)} books: {len(results)} checks, "
      f"{sum(len(r[2]) for r in results)} violations, {sum(len(r[3]) for r in results)} undecided contrasts"
      + (f" (left for review: {dict(others)})" if others else ""))
print(f"reflow: {len(narrow)} site pages 320 CSS pixels wide, {len(wide)} scrolling sideways; keyboard: "
      f"{len(walks)} pages tabbed through {len(walks[0][1]) if walks else 0} stops each, {sum(1 for _, seen in walks if seen[0]['skip'] and seen[0]['shown'])} "
      f"reaching a visible skip link first, {sum(1 for _, seen in walks for e in seen if not e['body'] and not e['indicated'])} stops without a focus indicator")
if failed:
    sys.exit(1)
