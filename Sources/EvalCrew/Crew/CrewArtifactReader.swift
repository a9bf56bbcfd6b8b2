import Foundation

/// Reads a crew artifact (stdout, an output file, an output folder) into a `CrewRun`.
public enum CrewArtifactReader {
    /// Reads `artifact` in any shape `score` reads; `format` forces a shape as `--input-format` does.
    ///
    /// A file goes through `CrewOutputReader` (non-UTF-8 or binary bytes are a clean `InputError`); a
    /// folder is written to a temporary folder, read by the folder reader and removed. Errors name
    /// `label` instead of a path (e.g. `case intro-rag repeat 2 (stdout)`), and files inside a folder as
    /// `label/relative/path`.
    ///
    /// - Throws: `InputError`.
    public static func read(_ artifact: CrewArtifact, label: String, format: InputFormat?) throws -> CrewRun {
        switch artifact.kind {
        case .file:
            guard artifact.files.count == 1, let file = artifact.files.first else {
                throw InputError.unrecognised(path: label, hint: "a file artifact with \(artifact.files.count) files; expected one")
            }
            if format == .folder {
                throw InputError.unrecognised(path: label, hint: "--input-format folder needs a folder, this is a file")
            }
            return try CrewOutputReader.read(bytes: InputBytes.bytes(file.contents, path: label), path: label, format: format)
        case .folder:
            guard format == nil || format == .folder else {
                throw InputError.unreadable(path: label, reason: "a folder, but --input-format \(format!.rawValue) needs a file")
            }
            return try readFolder(artifact.files, label: label)
        }
    }

    private static func readFolder(_ files: [CrewArtifactFile], label: String) throws -> CrewRun {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-artifact-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            // The folder reader breaks ties by modification time; the artifact's order (oldest first, as
            // captured) is restored as one-second steps.
            let firstTime = Date(timeIntervalSince1970: 1_000_000_000)
            for (index, file) in files.enumerated() {
                let parts = file.path.split(separator: "/", omittingEmptySubsequences: true)
                guard !file.path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
                    throw InputError.unreadable(path: label, reason: "the folder holds an unsafe path '\(file.path)'")
                }
                let url = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
                try FileManager.default.setAttributes([.modificationDate: firstTime.addingTimeInterval(Double(index))],
                                                      ofItemAtPath: url.path)
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError.unreadable(path: label, reason: "cannot unpack the output folder into \(root.path): \(error.localizedDescription)")
        }
        do {
            return try FolderReader.run(path: root.path)
        } catch {
            throw error.renamingPaths(under: root.path, to: label)
        }
    }
}

extension InputError {
    /// The same error with paths under the temporary `root` named after the artifact's label.
    func renamingPaths(under root: String, to label: String) -> InputError {
        func rename(_ path: String) -> String {
            // FileManager may report /tmp through a resolved symlink (e.g. /private/tmp); compare by suffix.
            guard let range = path.range(of: (root as NSString).lastPathComponent) else { return path }
            return label + path[range.upperBound...]
        }
        switch self {
        case let .notUTF8(path, byteOffset): return .notUTF8(path: rename(path), byteOffset: byteOffset)
        case let .binary(path): return .binary(path: rename(path))
        case let .empty(path): return .empty(path: rename(path))
        case let .unrecognised(path, hint): return .unrecognised(path: rename(path), hint: hint)
        case let .truncated(path, expected, line, column): return .truncated(path: rename(path), expected: expected, line: line, column: column)
        case let .malformed(path, format, message, line, column):
            return .malformed(path: rename(path), format: format, message: message, line: line, column: column)
        case let .unreadable(path, reason): return .unreadable(path: rename(path), reason: reason)
        }
    }
}
