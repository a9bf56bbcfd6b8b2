/// Why a recording could not be replayed, each with what to do about it.
public enum ReplayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The recordings folder does not exist.
    case missingFolder(String)
    /// No recording for this case and repeat; `lookedFor` lists the names tried.
    case missingRecording(caseID: String, repeatIndex: Int, folder: String, lookedFor: [String])
    /// Several recordings claim the same case and repeat.
    case ambiguousRecording(caseID: String, repeatIndex: Int, folder: String, candidates: [String])
    /// A recording exists but cannot be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingFolder(folder):
            return "the recordings folder '\(folder)' does not exist; check `crew: {replay: …}` in the suite or --replay-dir"
        case let .missingRecording(caseID, repeatIndex, folder, lookedFor):
            return "no recording for case '\(caseID)' repeat \(repeatIndex) in '\(folder)': looked for \(lookedFor.joined(separator: ", ")); "
                + "record it, or run fewer repeats"
        case let .ambiguousRecording(caseID, repeatIndex, folder, candidates):
            return "case '\(caseID)' repeat \(repeatIndex) has several recordings in '\(folder)': \(candidates.joined(separator: ", ")); "
                + "keep one"
        case let .unreadable(path, reason):
            return "cannot read the recording '\(path)': \(reason)"
        }
    }
}
