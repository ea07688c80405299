import BulletinModel
import BulletinNLP
import BulletinReaders
import BulletinTransforms
import BulletinWriters
import Foundation
import Synchronization

/// A build whose memory does not grow with the archive, for formats written one issue at a time.
///
/// The sources are read twice. The survey reads each one, derives its title, tags its entities and counts
/// its terms, then keeps only its header: the archive is assembled from headers, and the entity names and
/// term statistics that the archive-wide transforms need are tables the size of the vocabulary, not of the
/// archive. Then each issue in turn is read again, checked against the survey (a source changed meanwhile
/// stops the build), transformed as ``Pipeline/load(_:)`` would transform it, written, and let go.
///
/// The transforms are those of ``Pipeline/load(_:)`` in the same order (titles, entity tagging, slugs,
/// cross-references, entity linking, summaries), so both builds write the same bytes; a test holds them to it.
extension Pipeline {
    /// Whether a build of `sources` sources in `formats` streams: it has more sources than
    /// ``streamingThreshold``, and every writer of `formats` reads no body but its issue's
    /// (``Writer/writesIssuesAlone(context:)``).
    public func streams(_ formats: [String], sources: Int) -> Bool {
        guard let threshold = streamingThreshold, sources > threshold, !formats.isEmpty else { return false }
        let context = WriterContext(settings: configuration.writerSettings)
        return formats.allSatisfy { writers[$0]?.writesIssuesAlone(context: context) == true }
    }

    /// What the survey keeps of the sources.
    struct Survey: Sendable {
        /// Each article read, in input order, without its blocks.
        var headers: [SourceArticle] = []
        /// What the assembler needs of each body, in the same order, with the title derived from it when
        /// its article has none.
        var bodies: [Assembler.Body] = []
        var diagnostics: [Diagnostic] = []
        var names = EntityLinking.EntityNames()
        var statistics = TermStatistics()
        static let noNames = EntityLinking.EntityNames()
        static let noStatistics = TermStatistics()

        mutating func merge(_ other: Survey) {
            headers += other.headers
            bodies += other.bodies
            diagnostics += other.diagnostics
            names.merge(other.names)
            statistics.merge(other.statistics)
        }
    }

    /// An article's issue and body: a second copy of a body in one issue is left out by the assembler,
    /// so it is counted once in the survey's tables.
    private struct BodyKey: Hashable {
        var publication: String
        var volume: Int
        var issue: Int
        var sha256: Assembler.Digest
    }

    /// The bodies already counted, shared by the survey's tasks.
    private final class CountedBodies: Sendable {
        private let keys = Mutex(Set<BodyKey>())

        /// True when `key` was not counted before.
        func insert(_ key: BodyKey) -> Bool {
            keys.withLock { $0.insert(key).inserted }
        }
    }

    /// Reads every file in parallel chunks, keeping headers and the archive-wide tables.
    func survey(_ files: [SourceFile], keeping store: ScratchStore?, cache: MentionCache? = nil) async -> Survey {
        let counted = CountedBodies()
        let titles = TitleDerivation(), tagging = EntityTagging()
        // The tables are merged as each chunk's arrive; the headers wait to be put in input order.
        var tables = Survey()
        var parts: [Survey?] = await parallelChunks(of: files.count, { range in
            var part = Survey()
            part.headers.reserveCapacity(range.count)
            part.bodies.reserveCapacity(range.count)
            for file in files[range] {
                let result = read(file)
                part.diagnostics += result.diagnostics
                guard var header = result.article else { continue }
                var body = Assembler.Body(header)
                // The transforms read only an article's blocks; the rest is made by the assembler.
                // In the language the assembler will give it, which tagging and titles read.
                let article = Article(metadata: ArticleMetadata(
                    id: "", slug: "", title: header.title ?? "", titleIsDerived: false, publication: header.publication,
                    volume: header.volume, issue: header.issue, language: header.language ?? configuration.language ?? "en",
                    source: header.source, wordCount: body.wordCount
                ), blocks: header.blocks)
                if article.metadata.title.isEmpty { body.derivedTitle = titles.derivedTitle(for: article) }
                let key = BodyKey(publication: Assembler.publicationKey(header.publication), volume: header.volume,
                                  issue: header.issue, sha256: body.sha256)
                // A second copy of a body in one issue is not counted again, but its mentions are kept too:
                // whichever copy the assembler keeps, the store holds its mentions before the first issue is
                // written, and the next build's cache is written beside the issues.
                let isFirstCopy = counted.insert(key)
                if isFirstCopy || store != nil {
                    let mentions = cache?.mentions(in: article, tagging: tagging, keeping: false) ?? tagging.mentions(in: article)
                    store?.keep(encoded: mentions.encoded(), for: header.source.path)
                    if isFirstCopy {
                        let tagged = tagging.apply(to: article, mentions: mentions)
                        part.names.add(tagged)
                        Summarization.countTerms(of: tagged, into: &part.statistics)
                    }
                }
                header.blocks = []
                part.headers.append(header)
                part.bodies.append(body)
            }
            return part
        }, absorbing: { part in
            guard let taken = part else { return }
            tables.names.merge(taken.names)
            tables.statistics.merge(taken.statistics)
            // One empty table shared by every part, not a table made for each (an empty one has room for
            // thousands of terms).
            part?.names = Survey.noNames
            part?.statistics = Survey.noStatistics
        })
        // Each part is let go as it is merged, so the headers are not held twice.
        var survey = tables
        survey.headers.reserveCapacity(parts.reduce(0) { $0 + ($1?.headers.count ?? 0) })
        survey.bodies.reserveCapacity(survey.headers.capacity)
        for index in parts.indices {
            guard let part = parts[index].take() else { continue }
            survey.merge(part)
        }
        return survey
    }

    /// Builds `files` issue by issue into `sink`; returns the archive without bodies, and the warnings.
    ///
    /// The mentions the survey finds are kept in a file in `scratch`, when one can be made there, and placed
    /// again when the issue is written rather than found again.
    func streamedBuild(
        _ files: [SourceFile], formats: [String], theme: Theme, to sink: any OutputSink, scratch: URL?, reuse: OutputReuse? = nil,
        mentions cache: MentionCache? = nil, summaries: SummaryCache? = nil
    ) async throws -> (archive: Archive, diagnostics: [Diagnostic]) {
        let steps = 4
        var timer = StepTimer(observer: observer)
        defer { timer.finish() }
        timer.start(1, of: steps, name: "Survey sources")
        if files.isEmpty && searchErrors.isEmpty { throw Self.noSources }
        let store = scratch.flatMap { ScratchStore(in: $0, expectedKeys: files.count) }
        var survey = await self.survey(files, keeping: store, cache: cache)
        var diagnostics = searchErrors + survey.diagnostics
        if let error = Self.sourceErrors(in: diagnostics) { throw error }

        timer.start(2, of: steps, name: "Assemble issues")
        let headers = survey.headers, bodies = survey.bodies
        survey.headers = []
        survey.bodies = []
        var (archive, assemblyDiagnostics) = Assembler().assemble(consume headers, bodies: consume bodies, defaultLanguage: configuration.language ?? "en")
        diagnostics += assemblyDiagnostics
        // Assembly finds errors too: the same text under two headers.
        if let error = Self.sourceErrors(in: diagnostics) { throw error }

        timer.start(3, of: steps, name: "Link the archive")
        archive.updateIssues(SlugAssignment.assignSlugs)
        let linking = EntityLinking(dictionary: configuration.entities ?? EntityDictionary())
        diagnostics += dictionaryWarnings(linking, names: survey.names)
        // The previous build's summaries when its sources and settings were these; each issue's summaries
        // wait in a store of their own, on disk, for the cache the next build reads.
        let keptSummaries = summaries?.kept(for: archive, configuration: configuration)
        let summaryStore = summaries == nil ? nil : scratch.flatMap { ScratchStore(in: $0, expectedKeys: archive.articleCount) }
        let transforms: [any ArticleTransform] = [
            store.map(KeptMentionsTagging.init(store:)) ?? EntityTagging(), CrossReferenceResolution.Resolver(archive),
            linking.prepared(names: survey.names),
            keptSummaries ?? Summarization(options: configuration.summaryOptions).prepared(statistics: survey.statistics),
        ]

        timer.start(4, of: steps, name: "Write outputs")
        // Every article's mentions are in the store since the survey: the mention cache for the next build is
        // written by a task of its own beside the issues, each read back once from the store, on disk.
        let surveyed = archive
        async let mentionCacheWritten: Void = {
            guard let cache, let store, let scratch else { return }
            try cache.write(to: scratch.appendingPathComponent(MentionCache.fileName), archive: surveyed) { store.bytes(for: $0.path) }
        }()
        try await writeStreamed(archive, files: files, transforms: transforms, formats: formats, theme: theme, to: sink, reuse: reuse,
                                summaries: summaryStore)
        if let summaryStore, let scratch {
            try SummaryCache.write(archive, key: SummaryCache.key(of: archive, configuration: configuration),
                                   to: scratch.appendingPathComponent(SummaryCache.fileName)) { summaryStore.bytes(for: $0) }
        }
        try await mentionCacheWritten
        return (archive, diagnostics.sorted())
    }

    /// Makes each issue of `archive` again from its sources with `transforms`, and has every writer write it.
    private func writeStreamed(
        _ archive: Archive, files: [SourceFile], transforms: [any ArticleTransform], formats: [String], theme: Theme, to sink: any OutputSink,
        reuse: OutputReuse?, summaries: ScratchStore?
    ) async throws {
        let context = WriterContext(settings: configuration.writerSettings, theme: theme, formats: Set(formats))
        let chosen = try writers.writers(for: formats)
        let sources = SourcesByPath(files)
        let issues = archive.issues
        // The archive the writers are given here has no bodies: its digest is of headers only.
        let keeping = await KeptOutput(reuse: reuse, sink: sink, writers: chosen, context: context, issuesMadeAgain: true) {
            let digests = await parallelMap(issues, JSONWriter.digest)
            return (digests, OutputReuse.archiveDigest(archive, issueDigests: digests, form: "headers"))
        }
        let times = WritingTimes()
        let observer = self.observer
        defer { observer.writingTook(times.parts) }
        for index in chosen.indices {
            try times.measure(chosen[index].format) { try keeping.writeArchive(archive, with: index, to: sink, context: context) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0, completed = 0
            func start() {
                let issue = issues[next]
                group.addTask {
                    let made = try times.measure("issues made again from their sources") {
                        let made = try remake(issue, from: sources, with: transforms)
                        for article in made.articles { summaries?.keep(encoded: SummaryCache.encoded(article.metadata.summary), for: article.id) }
                        return made
                    }
                    let digest = keeping.digest(of: made)
                    for index in chosen.indices {
                        try times.measure(chosen[index].format) { try keeping.write(made, digest: digest, in: archive, with: index, to: sink, context: context) }
                    }
                }
                next += 1
            }
            while next < min(concurrency, issues.count) { start() }
            while try await group.next() != nil {
                completed += 1
                if completed % 16 == 0 || completed == issues.count { observer.progress(completed: completed, total: issues.count) }
                if next < issues.count { start() }
            }
        }
    }

    /// `issue` with each article's body read again from its source and transformed.
    private func remake(_ issue: Issue, from sources: SourcesByPath, with transforms: [any ArticleTransform]) throws -> Issue {
        var issue = issue
        for index in issue.articles.indices {
            let header = issue.articles[index].metadata
            let path = header.source.path
            guard let file = sources[path], let read = read(file).article, read.source.sha256 == header.source.sha256 else {
                throw BulletinError(code: .fileSystem, message: "\(path): the file changed while the archive was built; build again")
            }
            let article = Article(metadata: header, blocks: read.blocks)
            issue.articles[index] = transforms.reduce(article) { $1.apply(to: $0) }
        }
        return issue
    }
}

/// The sources of a streamed build found by path: their numbers in path order, searched by halves, which
/// holds four bytes a source where a dictionary by path held some sixty.
struct SourcesByPath: Sendable {
    private let files: [SourceFile]
    private let order: [Int32]

    init(_ files: [SourceFile]) {
        self.files = files
        order = files.indices.map(Int32.init).sorted { files[Int($0)].path.utf8.lexicographicallyPrecedes(files[Int($1)].path.utf8) }
    }

    /// The source at `path`, or nil.
    subscript(path: String) -> SourceFile? {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            let file = files[Int(order[middle])]
            // Bytes, as they are ordered: a path spelt another way (NFC, NFD) is another file's.
            if file.path.utf8.elementsEqual(path.utf8) { return file }
            if file.path.utf8.lexicographicallyPrecedes(path.utf8) { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
