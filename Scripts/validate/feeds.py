#!/usr/bin/env python3
"""Checks Bulletin's feeds with the tools their readers trust: feedparser for Atom and RSS, jsonschema for JSON Feed.

Usage: feeds.py BULLETIN_BINARY SCHEMA MAKE_CORPUS   (from the package root)

Builds the `feeds` format of the example archive without a base URL, with one and a three-item limit (so every
feed pages), and of a generated 200-article archive; then, for every feed (the archive's and each publication's):
- every Atom and RSS document parses with feedparser with bozo == 0;
- every JSON Feed page validates against SCHEMA (JSON Feed 1.1);
- atom.xml holds the newest `limit` items, following prev-archive links reaches every archive document (each marked
  fh:archive, with a `current` link and consistent next-archive links), and every article of the feed appears
  exactly once over the pages, newest first; no archive document is left unreachable;
- rss.xml holds the same newest items as atom.xml;
- the JSON Feed next_url chain holds every article exactly once, in the same order as the Atom pages, reaches
  every archive page, and each archive page holds the items of the Atom archive document of its number;
- every item's content, as feedparser reads it (Atom content, RSS content:encoded) and as JSON Feed's
  content_html holds it, has every word of its source body, in order, once its tags are stripped.
Articles are known from manifest.json; item ids are urn:uuid of the issue and the source's file name, as the writer makes them."""
import hashlib, html, json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET
import feedparser, jsonschema

ATOM = "{http://www.w3.org/2005/Atom}"
HISTORY = "{http://purl.org/syndication/history/1.0}"
BASE_URL = "https://example.org/bulletin/"

binary, schema_path, make_corpus = sys.argv[1], sys.argv[2], sys.argv[3]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

failures = []
counts = {"feeds": 0, "bozo": 0, "json": 0, "json_errors": 0, "builds": 0, "contents": 0, "lost": 0}
# The source file of each item id, for the build being checked.
sources_by_id = {}


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def content_uuid(name):
    """ContentUUID.make(from:): SHA-256 of "bulletin:" + name, as an RFC 9562 version 8 UUID."""
    digest = bytearray(hashlib.sha256(("bulletin:" + name).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x80
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"urn:uuid:{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def build(sources, output, config):
    command = [binary, "build", "--quiet", "--formats", "feeds", "--output", output]
    if config:
        command += ["--config", config]
    subprocess.run(command + sources, check=True)
    counts["builds"] += 1


def resolve(href, document, root, base_url):
    """The output path (relative to root) a link from `document` points at."""
    if base_url and href.startswith(base_url):
        return os.path.normpath(href[len(base_url):])
    if re.match(r"^[a-z][a-z0-9+.-]*:", href):
        fail(f"{document}: link {href} leaves the build")
        return None
    return os.path.normpath(os.path.join(os.path.dirname(document), href))


def parse_xml(root, path):
    """feedparser's verdict, and the entry ids in document order."""
    counts["feeds"] += 1
    parsed = feedparser.parse(os.path.join(root, path))
    if parsed.bozo:
        counts["bozo"] += 1
        fail(f"{path}: feedparser bozo: {parsed.bozo_exception}")
    for entry in parsed.entries:
        check_words(path, entry.get("id"), entry.content[0].value if entry.get("content") else "")
    return parsed, [entry.get("id") for entry in parsed.entries]


def body_words(source_path):
    """The words of a source's body: everything after the header's blank line."""
    text = open(source_path, encoding="utf-8-sig").read().replace("\r\n", "\n")
    return text.split("\n\n", 1)[1].split() if "\n\n" in text else []


def check_words(path, item_id, content_html):
    counts["contents"] += 1
    words = html.unescape(re.sub(r"<[^>]+>", "", content_html)).split()
    if words != body_words(sources_by_id[item_id]):
        counts["lost"] += 1
        fail(f"{path}: item {item_id}: its content lost or changed words of {sources_by_id[item_id]}")


def atom_links(root, path):
    tree = ET.parse(os.path.join(root, path)).getroot()
    return tree, {link.get("rel", "alternate"): link.get("href") for link in tree.findall(ATOM + "link")}


def check_feed(root, folder, expected, limit, base_url, label):
    """One logical feed: `expected` is the list of its item ids, newest first."""
    newest = expected[:limit]
    # Atom: the current document, then prev-archive links back to the oldest archive document.
    path = os.path.join(folder, "atom.xml")
    parsed, ids = parse_xml(root, path)
    if ids != newest:
        fail(f"{label} {path}: {len(ids)} entries, expected the newest {len(newest)} in order")
    atom_ids = list(ids)
    tree, links = atom_links(root, path)
    if tree.find(HISTORY + "archive") is not None:
        fail(f"{path}: the current document is marked fh:archive")
    visited = {path}
    archive_ids = {}
    following = None
    while "prev-archive" in links:
        page = resolve(links["prev-archive"], path, root, base_url)
        if page is None or page in visited or not os.path.exists(os.path.join(root, page)):
            fail(f"{path}: prev-archive {links['prev-archive']} is missing or loops")
            break
        _, page_ids = parse_xml(root, page)
        tree, page_links = atom_links(root, page)
        if tree.find(HISTORY + "archive") is None:
            fail(f"{page}: an archive document without fh:archive")
        if resolve(page_links.get("current", ""), page, root, base_url) != os.path.join(folder, "atom.xml"):
            fail(f"{page}: its current link does not point at {folder}/atom.xml")
        if following and resolve(page_links.get("next-archive", ""), page, root, base_url) != following:
            fail(f"{page}: next-archive does not point at {following}")
        if not page_ids or len(page_ids) > limit:
            fail(f"{page}: {len(page_ids)} entries with a limit of {limit}")
        atom_ids += page_ids
        archive_ids[page] = page_ids
        visited.add(page)
        following, path, links = page, page, page_links
    archive_folder = os.path.join(root, folder, "archive")
    if os.path.isdir(archive_folder):
        for name in os.listdir(archive_folder):
            if name.startswith("atom-") and os.path.join(folder, "archive", name) not in visited:
                fail(f"{folder}/archive/{name} is not reachable through prev-archive links")
    if atom_ids != expected:
        fail(f"{label} {folder}: Atom pages hold {len(atom_ids)} entries ({len(set(atom_ids))} distinct), expected {len(expected)} newest first")

    # RSS: one document with the newest items.
    _, rss_ids = parse_xml(root, os.path.join(folder, "rss.xml"))
    if rss_ids != newest:
        fail(f"{label} {folder}/rss.xml: {len(rss_ids)} items, expected the newest {len(newest)} in order")

    # JSON Feed: next_url from feed.json.
    path, json_ids, seen = os.path.join(folder, "feed.json"), [], set()
    while path:
        if path in seen or not os.path.exists(os.path.join(root, path)):
            fail(f"{path}: missing or a next_url loop")
            break
        seen.add(path)
        document = json.load(open(os.path.join(root, path), encoding="utf-8"))
        counts["json"] += 1
        for error in validator.iter_errors(document):
            counts["json_errors"] += 1
            fail(f"{path}: {error.json_path}: {error.message}")
        json_ids += [item.get("id") for item in document.get("items", [])]
        for item in document.get("items", []):
            check_words(path, item.get("id"), item.get("content_html", ""))
        if len(document.get("items", [])) > limit:
            fail(f"{path}: {len(document['items'])} items with a limit of {limit}")
        next_url = document.get("next_url")
        path = resolve(next_url, path, root, base_url) if next_url else None
    if json_ids != expected:
        fail(f"{label} {folder}: JSON Feed pages hold {len(json_ids)} items ({len(set(json_ids))} distinct), expected {len(expected)} in the Atom order")
    # Each JSON Feed archive page holds the items of the Atom archive document of the same number, so both
    # stay as they are once full; every one is reached from feed.json.
    if os.path.isdir(archive_folder):
        for name in os.listdir(archive_folder):
            if not name.startswith("feed-"):
                continue
            page = os.path.join(folder, "archive", name)
            if page not in seen:
                fail(f"{page} is not reachable through next_url")
            atom = os.path.join(folder, "archive", "atom-" + name[len("feed-"):-len(".json")] + ".xml")
            document = json.load(open(os.path.join(root, page), encoding="utf-8"))
            if [item.get("id") for item in document.get("items", [])] != archive_ids.get(atom):
                fail(f"{page}: not the items of {atom}")
    return len(expected)


def check_build(root, limit, base_url, label):
    manifest = json.load(open(os.path.join(root, "manifest.json"), encoding="utf-8"))
    by_publication, everything = {}, []
    sources_by_id.clear()
    for issue in manifest["issues"]:
        slug = re.sub(r"-v\d+-i\d+$", "", issue["id"])
        names = [article["source"].split("/")[-1] for article in issue["articles"]]
        for article, name in zip(issue["articles"], names):
            # As the writer makes it: the issue and the source's file name, and the article's id where two
            # sources of the issue share the name.
            item_id = content_uuid(f"item:{issue['id']}/{name}" + (f"/{article['id']}" if names.count(name) > 1 else ""))
            sources_by_id[item_id] = article["source"]
            item = (issue.get("date") or "", item_id)
            by_publication.setdefault(slug, []).append(item)
            everything.append(item)
    total = check_feed(root, "feeds", ordered(everything), limit, base_url, label)
    for slug, items in sorted(by_publication.items()):
        check_feed(root, "feeds/" + slug, ordered(items), limit, base_url, label)
    print(f"{label}: {total} articles, {len(by_publication)} publications, item limit {limit}: every article once on the Atom and JSON Feed pages")


def ordered(items):
    """Newest first by the manifest's issue date, undated last, then archive order (articles take their issue's date
    here; sources whose article dates differ from their issue's are not part of these checks)."""
    indexed = list(enumerate(items))
    dated = sorted([x for x in indexed if x[1][0]], key=lambda x: (tuple(-int(p) for p in x[1][0].split("-")), x[0]))
    undated = [x for x in indexed if not x[1][0]]
    return [item[1] for _, item in dated + undated]


def main():
    print("== Feeds (feedparser, jsonschema over JSON Feed 1.1)")
    work = tempfile.mkdtemp(prefix="bulletin-feeds-")
    config = os.path.join(work, "bulletin.yml")
    with open(config, "w", encoding="utf-8") as f:
        f.write(f"title: Example Bulletin\nbaseURL: {BASE_URL}\npublisher: Example Foundation\nfeeds: {{itemLimit: 3}}\n")
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, make_corpus, "--n", "200", "--out", corpus, "--format", "text"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    config200 = os.path.join(work, "bulletin200.yml")
    with open(config200, "w", encoding="utf-8") as f:
        f.write(f"baseURL: {BASE_URL}\nfeeds: {{itemLimit: 30}}\n")
    runs = [
        ("example, no base URL", [], None, 50, None),
        ("example, base URL, limit 3", ["Examples"], config, 3, BASE_URL),
        ("200 articles, no base URL", [os.path.join(corpus, "text")], None, 50, None),
        ("200 articles, base URL, limit 30", [os.path.join(corpus, "text")], config200, 30, BASE_URL),
    ]
    for label, sources, configuration, limit, base_url in runs:
        output = os.path.join(work, re.sub(r"[^a-z0-9]+", "-", label.lower()))
        build(sources, output, configuration)
        check_build(output, limit, base_url, label)
    subprocess.run(["rm", "-rf", work], check=True)
    print(f"feedparser: {counts['feeds']} feeds, {counts['bozo']} bozo")
    print(f"jsonfeed schema: {counts['json']} documents, {counts['json_errors']} errors")
    print(f"words: {counts['contents']} item contents (Atom, RSS, JSON Feed), {counts['lost']} lost or changed words of their source")
    if failures:
        print(f"feeds: {len(failures)} failures", file=sys.stderr)
        sys.exit(1)


main()
