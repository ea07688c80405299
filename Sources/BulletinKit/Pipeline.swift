import BulletinModel
import BulletinReaders
import BulletinTransforms
import BulletinWriters
import Foundation

/// The staged pipeline: read ▸ assemble ▸ transform ▸ write.
public struct Pipeline: Sendable {
    /// The project configuration.
    public var configuration: Configuration
    /// Readers by format.
    public var readers: ReaderRegistry
    /// Writers by format.
    public var writers: WriterRegistry
    /// Hears progress.
    public var observer: any BuildObserver
    /// Tasks run at once; defaults to the number of cores.
    public var concurrency: Int
    /// Sources above which a build whose formats are all written issue by issue streams (see
    /// ``streams(_:sources:)``): 0 streams every such build, nil none. Streaming reads each source twice
    /// (its entity mentions are found once and kept on disk), which costs about 30% more time, and in return
    /// holds one issue at a time rather than the archive (some 16 KB an article): below the threshold the
    /// archive is held, as it is read once.
    public var streamingThreshold: Int? = Pipeline.defaultStreamingThreshold
    /// 2,000 sources: an archive of that size takes some 32 MB held whole.
    public static let defaultStreamingThreshold = 2000

    /// Starts building the word lists the transforms read (about 20 ms of one core), on a task of its own,
    /// and returns at once. A command calls it first: resolving a project and reading its first sources
    /// take one core, and the lists are built on the other meanwhile. The warm-up of ``build(_:output:formats:theme:)``
    /// then finds them built or being built, and does not wait for them.
    public static func prepareTransforms() {
        Task.detached { EntityTagging().prepare() }
    }
    /// Whether a build keeps the files of the previous build in its output folder that the same inputs
    /// made (see ``build(_:output:formats:theme:)``), rather than making every file again.
    public var keepsUnchangedFiles = true
    /// Errors of the search for the sources (a folder that cannot be listed, ``SourceDiscovery/Found/errors``):
    /// they stop a build as errors of the sources do, reported with theirs.
    public var searchErrors: [Diagnostic] = []

    /// Creates a pipeline.
    public init(
        configuration: Configuration = Configuration(), readers: ReaderRegistry = .standard, writers: WriterRegistry = .standard,
        observer: any BuildObserver = SilentObserver(), concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.configuration = configuration
        self.readers = readers
        self.writers = writers
        self.observer = observer
        self.concurrency = max(1, concurrency)
    }

    /// The per-article transforms, in order.
    public var articleTransforms: [any ArticleTransform] {
        [TitleDerivation(), EntityTagging()]
    }

    /// The archive-wide transforms, in order, after the per-article ones.
    public var archiveTransforms: [any ArchiveTransform] {
        [SlugAssignment(), CrossReferenceResolution()]
    }

    /// Per-article transforms that need the linked archive first, in order.
    public var archiveAwareTransforms: [any ArchiveAwareTransform] {
        [EntityLinking(dictionary: configuration.entities ?? EntityDictionary()), Summarization(options: configuration.summaryOptions)]
    }

    /// Steps are numbered in progress lines: reading, assembling, the article transforms (one step),
    /// the archive transforms (one step), each archive-aware transform, and writing.
    private var stepCount: Int { 5 + archiveAwareTransforms.count }

    // MARK: - Reading

    /// Reads every file in parallel; the results come back in input order.
    public func read(_ files: [SourceFile]) async -> [ReadResult] {
        await parallelMap(files, read)
    }

    /// Reads one file with the reader its extension names (bulletin text when none does); a file that
    /// cannot be read gives an error.
    @Sendable func read(_ file: SourceFile) -> ReadResult {
        let bytes: [UInt8]
        switch file.read() {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let limit)):
            return ReadResult(article: nil, diagnostics: [Diagnostic(
                id: "source.too-large", severity: .error,
                message: "the file cannot be read: it holds more than \(SourceReadFailure.size(limit)), the most a source may hold",
                location: SourceLocation(path: file.path, line: 1, column: 1),
                fix: "split it into articles of their own; a device or a stream that never ends is no source"
            )])
        case .failure(.unreadable):
            return ReadResult(article: nil, diagnostics: [Diagnostic(
                id: "source.unreadable", severity: .error, message: "the file cannot be read: \(SourceDiscovery.problem(reading: file.path))",
                location: SourceLocation(path: file.path, line: 1, column: 1),
                fix: "check that the file exists and may be read, and that a symbolic link names one"
            )])
        }
        // The name's last part after a dot, found in its bytes: splitting the whole path into characters cost
        // more than a small source's reading.
        let name = file.path.utf8.split(separator: UInt8(ascii: "/")).last
        let fileExtension = name.flatMap { name in name.contains(UInt8(ascii: ".")) ? name.split(separator: UInt8(ascii: ".")).last : nil }
        let reader = fileExtension.flatMap { readers.reader(forExtension: String(Substring($0))) } ?? BulletinTextReader()
        return reader.read(bytes, path: file.path)
    }

    /// Reads, assembles and transforms. Throws when any source has an error; the error carries every diagnostic.
    ///
    /// The source bytes are let go once read: a caller that gives up its own reference to them (`consume`)
    /// does not keep the sources in memory beside the archive made of them.
    public func load(_ files: consuming [SourceFile]) async throws -> (archive: Archive, diagnostics: [Diagnostic]) {
        try await load(files, mentions: nil)
    }

    /// ``load(_:)``, taking each source's entity mentions from `mentions` when it has them for the same
    /// bytes, and keeping every source's there.
    func load(_ files: consuming [SourceFile], mentions: MentionCache?, summaries: SummaryCache? = nil) async throws
        -> (archive: Archive, diagnostics: [Diagnostic]) {
        let count = stepCount
        var timer = StepTimer(observer: observer)
        defer { timer.finish() }
        timer.start(1, of: count, name: "Read sources")
        // The transforms' word lists are built by one task while the others read: built when tagging
        // starts, every task but one would wait for them.
        let transforms = articleTransforms.map { transform -> any ArticleTransform in
            guard let mentions, transform is EntityTagging else { return transform }
            return KeptMentionsTagging(cache: mentions)
        }
        Task.detached { for transform in transforms { transform.prepare() } }
        let noSources = files.isEmpty
        let results = await read(consume files)
        var diagnostics = searchErrors + results.flatMap(\.diagnostics)
        if noSources && searchErrors.isEmpty { throw Self.noSources }
        if let error = Self.sourceErrors(in: diagnostics) { throw error }
        timer.start(2, of: count, name: "Assemble issues")
        // Each stage's input is given up as soon as the next exists (`consume`): the archive shares its
        // articles' bodies with the sources read, and nothing may keep them once the articles are transformed.
        let articles = (consume results).compactMap(\.article)
        let bodies = await parallelMap(articles, Assembler.Body.init)
        var (archive, assemblyDiagnostics) = Assembler().assemble(consume articles, bodies: consume bodies, defaultLanguage: configuration.language ?? "en")
        diagnostics += assemblyDiagnostics
        // Assembly finds errors too: the same text under two headers.
        if let error = Self.sourceErrors(in: diagnostics) { throw error }
        for transform in transforms {
            timer.start(3, of: count, name: transform.name)
            archive = await self.transform(consume archive, with: [transform])
        }
        timer.start(4, of: count, name: "Link the archive")
        var linked = consume archive
        for transform in archiveTransforms {
            // One that is a per-article transform once it has seen the archive runs over articles in parallel.
            if let perArticle = transform.articleTransform(for: linked) {
                linked = await self.transform(consume linked, with: [perArticle])
            } else {
                linked = transform.apply(to: consume linked)
            }
        }
        for (index, transform) in archiveAwareTransforms.enumerated() {
            timer.start(5 + index, of: count, name: transform.name)
            // The same sources, configuration and program as the previous build: its summaries are these.
            if transform is Summarization, let kept = summaries?.kept(for: linked, configuration: configuration) {
                linked = await self.transform(consume linked, with: [kept])
                continue
            }
            if let linking = transform as? EntityLinking {
                let names = await linking.names(of: linked, concurrency: concurrency)
                diagnostics += dictionaryWarnings(linking, names: names)
                linked = await self.transform(consume linked, with: [linking.prepared(names: names)])
                continue
            }
            let prepared = await transform.prepared(for: linked, concurrency: concurrency)
            linked = await self.transform(consume linked, with: [prepared])
        }
        return (linked, diagnostics.sorted())
    }

    /// A warning for each entry of the editor's entity dictionary that names no entity among `names`, at
    /// the entry in the configuration file.
    func dictionaryWarnings(_ linking: EntityLinking, names: EntityLinking.EntityNames) -> [Diagnostic] {
        linking.unmatchedEntries(names: names).map { entry in
            let field = "entities." + entry.field
            return Diagnostic(
                id: "config.entities.unmatched", severity: .warning,
                message: "\(field) '\(entry.reference)' names no entity of the archive, so it changes nothing",
                location: configuration.locations[field],
                fix: "give an entity's id or name as its page on the site shows them (such as per-vladimir-putin, Vladimir Putin)"
            )
        }
    }

    /// Applies `transforms` to every article, in parallel.
    ///
    /// The articles are moved out of the archive into chunks that each task owns alone, and each article
    /// is replaced in its chunk by its transformed copy: the one before is let go at once. An archive
    /// given up by its caller (`consume`) is therefore never held twice, old and new, at the same time.
    public func transform(_ archive: consuming Archive, with transforms: [any ArticleTransform]) async -> Archive {
        // Sixteen chunks a task: with four, the last chunk of a step ran alone for a tenth of the step's
        // time (entity tagging of the 1,000-article bench: some 40 ms of one core while the other waited).
        let chunks = Self.chunks(of: archive.takeArticleLists(), count: concurrency * 16)
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func start() {
                let chunk = chunks[next]
                group.addTask { chunk.transform(with: transforms) }
                next += 1
            }
            while next < min(concurrency, chunks.count) { start() }
            while await group.next() != nil {
                if next < chunks.count { start() }
            }
        }
        var lists: [[Article]] = []
        lists.reserveCapacity(archive.issueCount)
        for chunk in chunks { lists.append(contentsOf: chunk.take()) }
        archive.restoreArticleLists(lists)
        return archive
    }

    /// The article lists of consecutive issues, owned by one task at a time: a box, so that handing the
    /// chunk to its task moves the lists rather than sharing them with the list of chunks. Unchecked because
    /// the access is ordered by the task group: one task transforms a chunk, and ``transform(_:with:)``
    /// reads it only after the group ends.
    private final class ArticleChunk: @unchecked Sendable {
        private var lists: [[Article]]

        init(_ lists: [[Article]]) {
            self.lists = lists
        }

        /// Replaces every article with `transforms` applied to it. Each article is moved out of its list and
        /// its successor moved in: read and written back through the list, it would be copied, every string
        /// and list it holds retained and released once more for each transform.
        func transform(with transforms: [any ArticleTransform]) {
            for index in lists.indices {
                lists[index].withUnsafeMutableBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    for offset in 0..<buffer.count {
                        var article = (base + offset).move()
                        for transform in transforms { article = transform.apply(to: article) }
                        (base + offset).initialize(to: article)
                    }
                }
            }
        }

        /// The lists, leaving the box empty.
        func take() -> [[Article]] {
            defer { lists = [] }
            return lists
        }
    }

    /// `lists` in about `count` chunks of consecutive issues holding about as many articles each, in order.
    /// Each list is moved into its chunk, never shared with `lists`: a shared list would be copied, articles
    /// and all, when its task changes it.
    private static func chunks(of lists: consuming [[Article]], count: Int) -> [ArticleChunk] {
        let total = lists.reduce(0) { $0 + $1.count }
        let size = max(1, (total + max(1, count) - 1) / max(1, count))
        var chunks: [ArticleChunk] = []
        var current: [[Article]] = []
        var articlesInCurrent = 0
        for index in lists.indices {
            articlesInCurrent += lists[index].count
            current.append(lists[index])
            lists[index] = []
            if articlesInCurrent >= size {
                chunks.append(ArticleChunk(current))
                current = []
                articlesInCurrent = 0
            }
        }
        if !current.isEmpty { chunks.append(ArticleChunk(current)) }
        return chunks
    }

    // MARK: - Writing

    /// Runs the writers of `formats` over the archive, issues in parallel, into `sink`.
    public func write(_ archive: Archive, formats: [String], theme: Theme, to sink: any OutputSink) async throws {
        try await write(archive, formats: formats, theme: theme, to: sink, reuse: nil)
    }

    /// Runs the writers of `formats` over the archive into `sink`, keeping with `reuse` the files of a
    /// previous build that the same inputs made (`sink` is then a ``DirectorySink``).
    func write(_ archive: Archive, formats: [String], theme: Theme, to sink: any OutputSink, reuse: OutputReuse?) async throws {
        let context = WriterContext(settings: configuration.writerSettings, theme: theme, formats: Set(formats))
        let chosen = try writers.writers(for: formats)
        var timer = StepTimer(observer: observer)
        defer { timer.finish() }
        timer.start(stepCount, of: stepCount, name: "Write outputs")
        enum Job: Sendable {
            case issue(writer: Int, issue: Int)
            case archive(writer: Int)
        }
        let issues = archive.issues
        let keeping = await KeptOutput(reuse: reuse, sink: sink, writers: chosen, context: context) {
            let digests = await parallelMap(issues, JSONWriter.digest)
            return (digests, OutputReuse.archiveDigest(archive, issueDigests: digests, form: "held"))
        }
        // Archive-wide jobs hold the most memory at once (every feed item's content, the search index), so
        // they run one at a time, first, beside the issue jobs, rather than side by side while issues remain.
        var archiveJobs = chosen.indices.map { Job.archive(writer: $0) }[...]
        var issueJobs = chosen.indices.flatMap { writer in issues.indices.map { Job.issue(writer: writer, issue: $0) } }[...]
        let total = archiveJobs.count + issueJobs.count
        let observer = self.observer
        let times = WritingTimes()
        defer { observer.writingTook(times.parts) }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            var running = 0
            var archiveJobsRunning = 0
            var completed = 0
            /// Starts the next job there is room for; false when none can start now.
            func startNext() -> Bool {
                let job: Job
                // Once no issue is left to write (as when every issue's files are kept), the remaining
                // archive-wide jobs are all the work there is, and run side by side.
                if archiveJobsRunning == 0 || issueJobs.isEmpty, let next = archiveJobs.popFirst() {
                    job = next
                    archiveJobsRunning += 1
                } else if let next = issueJobs.popFirst() {
                    job = next
                } else {
                    return false
                }
                running += 1
                group.addTask {
                    switch job {
                    case .issue(let writer, let issue):
                        try times.measure(chosen[writer].format) {
                            try keeping.write(issues[issue], digest: keeping.issueDigest(issue), in: archive, with: writer, to: sink, context: context)
                        }
                        return false
                    case .archive(let writer):
                        try times.measure(chosen[writer].format) { try keeping.writeArchive(archive, with: writer, to: sink, context: context) }
                        return true
                    }
                }
                return true
            }
            while running < concurrency, startNext() {}
            while let wasArchiveJob = try await group.next() {
                running -= 1
                if wasArchiveJob { archiveJobsRunning -= 1 }
                completed += 1
                if completed % 16 == 0 || completed == total { observer.progress(completed: completed, total: total) }
                while running < concurrency, startNext() {}
            }
        }
    }

    /// Builds `files` into `output` atomically and writes `manifest.json`; streams when
    /// ``streams(_:sources:)`` says so.
    ///
    /// Unchanged issues are not made again: each writer's files for an issue whose content, settings,
    /// theme and what the writer reads beside it are as they were in the previous build into `output`
    /// (by this same program) are kept from it, and so are the files that span the archive when nothing
    /// changed at all. `OUTPUT/.bulletin-record` keeps what the next build needs for that (``BuildRecord``);
    /// ``keepsUnchangedFiles`` false makes every file again. Kept or made, the files have the same bytes.
    public func build(_ files: consuming [SourceFile], output: URL, formats: [String], theme: Theme) async throws -> BuildReport {
        _ = try writers.writers(for: formats)
        let reuse = OutputReuse(output: output, keepingFiles: keepsUnchangedFiles)
        let mentions = MentionCache(output: output, reading: keepsUnchangedFiles)
        // A held archive is loaded before the output is touched; a streamed one is made while it is written.
        var streamed: [SourceFile]? = files
        let summaries = SummaryCache(output: output, reading: keepsUnchangedFiles)
        let held = streams(formats, sources: streamed!.count) ? nil
            : try await load(streamed.take()!, mentions: mentions, summaries: summaries)
        let (entries, (archive, diagnostics)) = try await AtomicOutput(destination: output).write { staging in
            let sink = DirectorySink(root: staging)
            let built: (archive: Archive, diagnostics: [Diagnostic])
            if let held {
                // The caches for the next build hold nothing the writers make: they are written beside them,
                // by a task of their own, rather than after them while the other cores wait.
                async let caches: Void = writeCaches(of: held.archive, mentions: mentions, summaries: summaries, in: staging)
                try await write(held.archive, formats: formats, theme: theme, to: sink, reuse: reuse)
                try await caches
                built = held
            } else {
                built = try await streamedBuild(streamed ?? [], formats: formats, theme: theme, to: sink, scratch: staging, reuse: reuse,
                                                mentions: mentions, summaries: summaries)
            }
            let entries = sink.entries
            // The manifest and the record are made of the same entries, one beside the other. The manifest is
            // not among the files the record lists, so the record need not wait for it.
            // Its failures already say "cannot write manifest.json" and why.
            async let manifest: Void = Manifest(archive: built.archive, formats: formats, files: entries)
                .write(to: staging.appendingPathComponent("manifest.json"))
            if let reuse {
                // Written last, and in a later clock tick than the files: a file changed after it is not kept by the next build.
                OutputReuse.waitForNextTick()
                let file = try OutputFile(creating: staging.appendingPathComponent(BuildRecord.fileName).path, shownAs: BuildRecord.fileName)
                do {
                    try reuse.record(entries: entries).forEachPiece(file.write)
                } catch {
                    file.abandon()
                    throw error
                }
                try file.close()
            }
            try await manifest
            return (entries, built)
        }
        return BuildReport(archive: archive, diagnostics: diagnostics, files: entries, keptFiles: reuse?.kept ?? 0,
                           keptMentions: mentions?.reused ?? 0, keptSummaries: summaries?.reused ?? 0,
                           keptParts: reuse?.partsKept ?? 0)
    }

    /// Writes the entity mentions and summaries of a held `archive` into `staging`, for the next build.
    private func writeCaches(of archive: Archive, mentions: MentionCache?, summaries: SummaryCache?, in staging: URL) async throws {
        try mentions?.write(to: staging.appendingPathComponent(MentionCache.fileName), archive: archive)
        if summaries != nil {
            try SummaryCache.write(archive, key: SummaryCache.key(of: archive, configuration: configuration),
                                   to: staging.appendingPathComponent(SummaryCache.fileName))
        }
    }

    /// `transform` over `items` with at most ``concurrency`` tasks, results in input order.
    func parallelMap<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @escaping @Sendable (Input) -> Output) async -> [Output] {
        guard items.count > 1, concurrency > 1 else { return items.map(transform) }
        return await parallelChunks(of: items.count) { range in items[range].map(transform) }.flatMap { $0 }
    }

    /// `body` over about sixteen chunks per task of the positions `0..<count`, in consecutive ranges, with at
    /// most ``concurrency`` tasks at once; the results in the order of their ranges.
    func parallelChunks<Output: Sendable>(of count: Int, _ body: @escaping @Sendable (Range<Int>) -> Output) async -> [Output] {
        await parallelChunks(of: count, body, absorbing: { _ in })
    }

    /// ``parallelChunks(of:_:)``, handing each result to `absorb` as it arrives, in no set order, to take
    /// from it what need not wait for the others: sixteen chunks a task that each hold a table the size of
    /// their vocabulary would otherwise all be held at once.
    func parallelChunks<Output: Sendable>(
        of count: Int, _ body: @escaping @Sendable (Range<Int>) -> Output, absorbing absorb: (inout Output) -> Void
    ) async -> [Output] {
        let chunkSize = max(1, (count + concurrency * 16 - 1) / (concurrency * 16))
        let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
        var results = [Output?](repeating: nil, count: chunks.count)
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            func start() {
                let index = next
                let range = chunks[index]
                group.addTask { (index, body(range)) }
                next += 1
            }
            while next < min(concurrency, chunks.count) { start() }
            while case (let index, var output)? = await group.next() {
                absorb(&output)
                results[index] = output
                if next < chunks.count { start() }
            }
        }
        return results.map { $0! }
    }

    /// The error that stops a build when the sources hold errors, or none.
    static func sourceErrors(in diagnostics: [Diagnostic]) -> BulletinError? {
        let errors = diagnostics.filter { $0.severity == .error }.count
        guard errors > 0 else { return nil }
        return BulletinError(code: .invalidSources, message: "\(errors) error\(errors == 1 ? "" : "s") in the sources; nothing was written", diagnostics: diagnostics.sorted())
    }

    /// The error for a build, or a check, given no sources.
    public static let noSources = BulletinError(code: .invalidSources, message: "no sources found; give bulletin text files (.txt) or folders holding them")
}

/// What a build made.
public struct BuildReport: Sendable {
    /// The archive as written; a streamed build's has the articles' headers only, without their bodies.
    public var archive: Archive
    /// Warnings (errors stop a build before this).
    public var diagnostics: [Diagnostic]
    /// Every file written besides the manifest.
    public var files: [Manifest.FileEntry]
    /// How many of `files` were kept from the previous build rather than made again.
    public var keptFiles: Int = 0
    /// How many sources' entity mentions were taken from the previous build rather than tagged again.
    public var keptMentions: Int = 0
    /// How many articles' summaries were taken from the previous build rather than made again: all or none.
    public var keptSummaries: Int = 0
    /// How many parts of archive-wide files made again (an issue's lines of `articles.ndjson`, its records
    /// in the search index) were copied from the previous build's files rather than made again.
    public var keptParts: Int = 0
}

/// Tells the observer when steps start and how long each took (for `--timings`; never in outputs).
struct StepTimer {
    let observer: any BuildObserver
    private let clock = ContinuousClock()
    private var current: (name: String, started: ContinuousClock.Instant)?

    init(observer: any BuildObserver) {
        self.observer = observer
    }

    mutating func start(_ number: Int, of count: Int, name: String) {
        finish()
        observer.stepStarted(number, of: count, name: name)
        current = (name, clock.now)
    }

    mutating func finish() {
        guard let current else { return }
        let elapsed = clock.now - current.started
        observer.stepFinished(current.name, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        self.current = nil
    }
}
