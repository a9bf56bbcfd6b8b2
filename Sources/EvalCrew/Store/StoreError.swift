/// Everything that can go wrong with the run store, each with what to do about it.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store file cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Another process holds the store's write lock past the busy timeout.
    case locked(path: String)
    /// The store is read-only (file or folder permissions, read-only mount).
    case readOnly(path: String)
    /// The store was written by a newer evalcrew with a schema this one does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The file is not an evalcrew store (or is damaged).
    case notAStore(path: String, reason: String)
    /// A run reference that is malformed.
    case badReference(String, String)
    /// No run matches the reference.
    case noSuchRun(String)
    /// `last-passed` when no run (of the suite, before the given run) has passed its gates.
    case noPassingRun(suite: String?, before: String?)
    /// An id prefix that matches several runs.
    case ambiguousReference(String, matches: [String])
    /// Any other SQLite failure.
    case database(path: String, operation: String, message: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open the run store '\(path)': \(reason) (choose another with --store or EVALCREW_STORE)"
        case let .locked(path):
            return "the run store '\(path)' is locked by another evalcrew process; wait for it to finish or use another --store"
        case let .readOnly(path):
            return "the run store '\(path)' is read-only; make it writable or choose another with --store"
        case let .newerSchema(path, found, supported):
            return "the run store '\(path)' has schema version \(found), written by a newer evalcrew (this one reads up to \(supported)); upgrade evalcrew or use another --store"
        case let .notAStore(path, reason):
            return "'\(path)' is not an evalcrew run store (\(reason)); choose another with --store"
        case let .badReference(text, hint):
            return "'\(text)' does not name a run: \(hint)"
        case let .noSuchRun(text):
            return "no run matches '\(text)' (see `evalcrew runs list`)"
        case let .noPassingRun(suite, before):
            let which = (suite.map { "of suite \($0) " } ?? "") + (before.map { "before run \($0) " } ?? "")
            return "last-passed: no run \(which)has passed its gates yet (`evalcrew gate RUN` checks a run and keeps the result; "
                + "or name a run: its id, label:NAME, latest~N)"
        case let .ambiguousReference(text, matches):
            return "'\(text)' matches several runs (\(matches.joined(separator: ", "))); give more of the id"
        case let .database(path, operation, message):
            return "the run store '\(path)' failed to \(operation): \(message)"
        }
    }
}
