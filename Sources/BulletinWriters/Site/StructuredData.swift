import BulletinModel

/// What an article or issue page is, as schema.org JSON-LD for search engines and other readers of
/// structured data: an article is a `NewsArticle`, part of a `PublicationIssue`, part of a
/// `PublicationVolume`, part of a `Periodical`, and it mentions the people, organisations and places
/// the tagger found.
///
/// The JSON goes inside a `<script>` element, where no markup is read: `<`, `>` and `&` in strings are
/// written as `\u` escapes, so no source text can close the element or start another.
enum StructuredData {
    /// The JSON-LD of an article page; `url` is its absolute address, when there is a base URL.
    static func article(_ article: Article, in issue: Issue, issueName: String, url: String?, settings: WriterSettings) -> [UInt8] {
        let metadata = article.metadata
        var json = JSONTreeSerializer(pretty: false, capacity: 1024)
        json.object { json in
            json.member("@context", "https://schema.org")
            json.member("@type", "NewsArticle")
            json.member("headline", metadata.title)
            json.member("description", metadata.summary?.text)
            json.member("datePublished", metadata.date)
            json.member("inLanguage", metadata.language)
            json.member("articleSection", metadata.section)
            json.member("wordCount", metadata.wordCount)
            if !metadata.authors.isEmpty {
                json.key("author")
                json.array(metadata.authors) { json, name in thing(authorType(name), name, into: &json) }
            }
            json.key("publisher")
            thing("Organization", settings.publisher ?? settings.siteTitle, into: &json)
            json.key("isPartOf")
            issueObject(issue, name: issueName, into: &json)
            if !metadata.entities.isEmpty {
                json.key("mentions")
                json.array(metadata.entities) { json, entity in thing(schemaType(entity.type), entity.name, into: &json) }
            }
            json.member("url", url)
            json.member("mainEntityOfPage", url)
        }
        return scriptSafe(json.takeBytes())
    }

    /// The JSON-LD of an issue page: the issue, its volume and periodical, and its articles' headlines and
    /// (with a base URL) addresses.
    static func issue(_ issue: Issue, name: String, url: String?, articleURL: (ArticleMetadata) -> String?) -> [UInt8] {
        var json = JSONTreeSerializer(pretty: false, capacity: 1024)
        json.object { json in
            json.member("@context", "https://schema.org")
            members(of: issue, name: name, into: &json)
            json.key("hasPart")
            json.array(issue.articles) { json, article in
                json.object { json in
                    json.member("@type", "NewsArticle")
                    json.member("headline", article.metadata.title)
                    json.member("url", articleURL(article.metadata))
                }
            }
            json.member("url", url)
        }
        return scriptSafe(json.takeBytes())
    }

    /// The issue as a `PublicationIssue` object, part of its volume and periodical.
    private static func issueObject(_ issue: Issue, name: String, into json: inout JSONTreeSerializer) {
        json.object { members(of: issue, name: name, into: &$0) }
    }

    private static func members(of issue: Issue, name: String, into json: inout JSONTreeSerializer) {
        json.member("@type", "PublicationIssue")
        json.member("name", name)
        json.member("issueNumber", String(issue.number))
        json.member("datePublished", issue.date)
        json.key("isPartOf")
        json.object { json in
            json.member("@type", "PublicationVolume")
            json.member("volumeNumber", String(issue.volume))
            json.key("isPartOf")
            thing("Periodical", issue.publication, into: &json)
        }
    }

    /// `{"@type": type, "name": name}`.
    private static func thing(_ type: String, _ name: String, into json: inout JSONTreeSerializer) {
        json.object { json in
            json.member("@type", type)
            json.member("name", name)
        }
    }

    /// The schema.org type of an entity type; a miscellaneous name (an event, a nationality) is a `Thing`.
    static func schemaType(_ type: EntityType) -> String {
        switch type {
        case .person: "Person"
        case .organization: "Organization"
        case .location: "Place"
        case .miscellaneous: "Thing"
        }
    }

    /// JSON text safe inside a `<script>` element: `<`, `>` and `&` occur only inside strings, where a
    /// `\u` escape means the same character. As UTF-8, which a page's bytes take as they are.
    static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
        // Most articles have none of the three, and no noncharacter: their JSON is used as it is.
        let isPlain = json.withUnsafeBufferPointer { buffer in
            !buffer.indices.contains { index in
                let byte = buffer[index]
                return byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                    || (byte >= 0x90 && byte <= 0xBF && Noncharacter.length(endingAt: index, in: buffer) > 0)
            }
        }
        guard !isPlain else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 16)
        json.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                // A noncharacter, which a page may not hold even in a script, becomes U+FFFD, as in the page's text.
                let noncharacter = Noncharacter.length(endingAt: index, in: buffer)
                if noncharacter > 0 {
                    out.removeLast(noncharacter - 1)
                    out += [0xEF, 0xBF, 0xBD]
                    continue
                }
                switch buffer[index] {
                case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
                case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
                case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
                default: out.append(buffer[index])
                }
            }
        }
        return out
    }
}
