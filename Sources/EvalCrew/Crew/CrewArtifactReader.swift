import Foundation

/// Reads a crew's output artifact (one file, or a whole output folder) into a `CrewRun`.
public enum CrewArtifactReader {
    /// Reads `artifact`; `label` names it in errors (e.g. `intro-rag@2 (stdout)`).
    ///
    /// - Throws: `InputError`.
    public static func read(_ artifact: CrewArtifact, label: String, format: InputFormat?) throws -> CrewRun {
        switch artifact.kind {
        case .file:
            guard let file = artifact.files.first else { throw InputError.empty(path: label) }
            let name = "\(label) (\(file.path))"
            return try CrewOutputReader.read(bytes: InputBytes.bytes(file.contents, path: name), path: name, format: format)
        case .folder:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("evalcrew-artifact-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            for file in artifact.files {
                let url = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
            }
            return try CrewOutputReader.read(path: directory.path, format: format)
        }
    }
}
