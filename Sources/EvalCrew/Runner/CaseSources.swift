/// The source documents of every case of a run, read once before the first crew starts.
///
/// Cases that name the same sources share one array: a suite of fifty topics over one corpus
/// holds the corpus once.
public struct CaseSources: Sendable {
    private var byCase: [String: [SourceDocument]]
    /// Files skipped because they are not UTF-8 text, for a warning.
    public private(set) var skipped: [String]

    /// Reads the sources of `cases`.
    ///
    /// - Throws: `RunError.unreadableSources` naming the case.
    public init(cases: [SuiteCase]) throws(RunError) {
        var byList: [[String]: [SourceDocument]] = [:]
        var byCase: [String: [SourceDocument]] = [:]
        var skipped: [String] = []
        for suiteCase in cases {
            let patterns = suiteCase.settings.sources
            if let known = byList[patterns] {
                byCase[suiteCase.id] = known
                continue
            }
            do {
                let loaded = try SourceLoader.load(patterns)
                byList[patterns] = loaded.documents
                byCase[suiteCase.id] = loaded.documents
                skipped += loaded.skipped.filter { !skipped.contains($0) }
            } catch {
                throw .unreadableSources(caseID: suiteCase.id, reason: "\(error)")
            }
        }
        self.byCase = byCase
        self.skipped = skipped
    }

    /// The documents of a case (empty when it names none).
    public func documents(for caseID: String) -> [SourceDocument] { byCase[caseID] ?? [] }
}
