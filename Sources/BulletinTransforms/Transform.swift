import BulletinModel

/// Rewrites one article; runs in parallel over the archive's articles.
public protocol ArticleTransform: Sendable {
    /// A short name for progress lines, e.g. "Derive titles".
    var name: String { get }
    /// The rewritten article.
    func apply(to article: consuming Article) -> Article
    /// Builds what the transform needs before its first article (word lists, say), so that a caller can
    /// do it while other work goes on; ``apply(to:)`` builds it too when it was not prepared.
    func prepare()
}

extension ArticleTransform {
    /// Nothing to build.
    public func prepare() {}
}

/// Rewrites the whole archive, for work that needs to see every issue (cross-references, slugs).
public protocol ArchiveTransform: Sendable {
    /// A short name for progress lines.
    var name: String { get }
    /// The rewritten archive.
    func apply(to archive: Archive) -> Archive
    /// The same rewriting as a per-article transform, when it is one once the archive has been read, so
    /// that a pipeline can run it over articles in parallel; nil (the default) when it is not, or when it
    /// would change nothing.
    func articleTransform(for archive: Archive) -> (any ArticleTransform)?
}

extension ArchiveTransform {
    /// nil: the transform rewrites the archive as a whole (``apply(to:)``).
    public func articleTransform(for archive: Archive) -> (any ArticleTransform)? { nil }
}

extension Block {
    /// The block with `transform` applied to every inline sequence inside it.
    public func mapInlines(_ transform: ([Inline]) -> [Inline]) -> Block {
        switch self {
        case .paragraph(let content, let span): .paragraph(transform(content), span: span)
        case .heading(let level, let content): .heading(level: level, transform(content))
        case .blockQuote(let blocks): .blockQuote(blocks.map { $0.mapInlines(transform) })
        case .list(let ordered, let items): .list(ordered: ordered, items: items.map { $0.map { $0.mapInlines(transform) } })
        case .rule: .rule
        }
    }
}

extension Inline {
    /// The inline with `transform` applied to it and, depth first, to every inline inside it.
    public func mapRecursively(_ transform: (Inline) -> Inline) -> Inline {
        switch self {
        case .emphasis(let content):
            return transform(.emphasis(content.map { $0.mapRecursively(transform) }))
        case .strong(let content):
            return transform(.strong(content.map { $0.mapRecursively(transform) }))
        case .link(var link):
            link.content = link.content.map { $0.mapRecursively(transform) }
            return transform(.link(link))
        case .text, .lineBreak, .citation, .crossReference, .entity:
            return transform(self)
        }
    }
}

/// A per-article transform that first needs to see the whole archive (term statistics, for example);
/// prepared once, then run in parallel over articles.
public protocol ArchiveAwareTransform: Sendable {
    /// A short name for progress lines.
    var name: String { get }
    /// The per-article transform for `archive`; `concurrency` tasks may gather what it needs.
    func prepared(for archive: Archive, concurrency: Int) async -> any ArticleTransform
}
