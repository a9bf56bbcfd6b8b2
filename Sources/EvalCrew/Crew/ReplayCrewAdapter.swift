import Foundation

/// Replays recorded crew outputs from a folder instead of running a crew.
///
/// Layout: `<case-id>.<ext>` (any one extension) or a folder `<case-id>/` for a single repeat;
/// `<case-id>@<n>.<ext>` or `<case-id>@<n>/` for repeat n (from 1), where repeat 1 may also use
/// the plain name. A trace beside a recording has the recording's stem and `.trace.jsonl`
/// (`intro@2.trace.jsonl` beside `intro@2.json`) and is never taken for the output. Hidden files
/// are ignored. Missing and ambiguous recordings are failed outcomes naming what was looked for.
public struct ReplayCrewAdapter: CrewAdapter {
    public let spec: ReplayCrewSpec
    /// The suite file's folder: a relative recordings folder is resolved against it.
    public let baseDirectory: String

    public init(spec: ReplayCrewSpec, baseDirectory: String) {
        self.spec = spec
        self.baseDirectory = baseDirectory
    }

    /// The suffix of a trace file beside a recording.
    public static let traceSuffix = ".trace.jsonl"

    /// The recordings folder as an absolute path.
    public var directory: String {
        let base = ExecutableLookup.absolute(baseDirectory.isEmpty ? "." : baseDirectory, against: FileManager.default.currentDirectoryPath)
        return (ExecutableLookup.absolute(spec.directory, against: base) as NSString).standardizingPath
    }

    public func invoke(_ invocation: CrewInvocation) async -> CrewOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let folder = directory
        let result = await BlockingWork.run {
            Result { () throws(ReplayError) -> (CrewArtifact, Data?) in
                try Self.load(caseID: invocation.caseID, repeatIndex: invocation.repeatIndex, folder: folder)
            }
        }
        let duration = clock.now - start
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        switch result {
        case .success(let (artifact, trace)):
            return CrewOutcome(status: .completed, output: artifact, trace: trace, duration: seconds)
        case .failure(let error):
            return CrewOutcome(status: .failed, error: error.description, duration: seconds)
        }
    }

    /// The recording (and the trace beside it) for one case's repeat.
    static func load(caseID: String, repeatIndex: Int, folder: String) throws(ReplayError) -> (CrewArtifact, Data?) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
                throw .unreadable(path: folder, reason: error.localizedDescription)
            }
            throw .missingFolder(folder)
        }
        let stems = recordingStems(caseID: caseID, repeatIndex: repeatIndex)
        let candidates = names.filter { name in
            guard !name.hasPrefix(".") else { return false }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            return stems.contains { isRecording(name, stem: $0, isFolder: isFolder.boolValue) }
        }.sorted()
        guard let chosen = candidates.first else {
            let lookedFor = stems.flatMap { ["\($0).<ext>", "\($0)/"] }
            throw .missingRecording(caseID: caseID, repeatIndex: repeatIndex, folder: folder, lookedFor: lookedFor)
        }
        guard candidates.count == 1 else {
            throw .ambiguousRecording(caseID: caseID, repeatIndex: repeatIndex, folder: folder, candidates: candidates)
        }
        let path = folder + "/" + chosen
        let artifact: CrewArtifact
        do { artifact = try ArtifactCapture.capture(path, name: chosen) } catch {
            throw .unreadable(path: error.path, reason: error.reason)
        }
        let stem = stems.first { chosen == $0 || chosen.hasPrefix($0 + ".") } ?? stems[0]
        let tracePath = folder + "/" + stem + traceSuffix
        var trace: Data?
        if FileManager.default.fileExists(atPath: tracePath) {
            guard let data = FileManager.default.contents(atPath: tracePath) else {
                throw .unreadable(path: tracePath, reason: "permission denied or not a file")
            }
            trace = data
        }
        return (artifact, trace)
    }

    /// The names a repeat's recording may have, without extension: `intro@2`; for repeat 1 also `intro`.
    static func recordingStems(caseID: String, repeatIndex: Int) -> [String] {
        repeatIndex == 1 ? [caseID, "\(caseID)@1"] : ["\(caseID)@\(repeatIndex)"]
    }

    /// `stem` itself (a folder, or a file without extension) or a file `stem.<ext>` with one extension;
    /// `stem.trace.jsonl` has two and is the trace, and `intro.v2.json` or a folder `intro.v2/` belong to a case `intro.v2`.
    static func isRecording(_ name: String, stem: String, isFolder: Bool) -> Bool {
        if name == stem { return true }
        guard !isFolder else { return false }
        guard name.hasPrefix(stem + ".") else { return false }
        let ext = name.dropFirst(stem.count + 1)
        return !ext.isEmpty && !ext.contains(".")
    }
}
