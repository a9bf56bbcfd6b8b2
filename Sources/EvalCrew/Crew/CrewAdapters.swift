import Foundation

/// Makes the adapter a suite's `crew:` asks for.
public enum CrewAdapters {
    /// The adapter for `spec`; paths in it are relative to the suite file's folder.
    public static func adapter(for spec: CrewSpec, suite: Suite, environment: [String: String]) -> any CrewAdapter {
        let base = suiteDirectory(suite)
        switch spec {
        case .command(let command): return CommandCrewAdapter(spec: command, baseDirectory: base, environment: environment)
        case .http(let http): return HTTPCrewAdapter(spec: http, environment: environment)
        case .replay(let replay): return ReplayCrewAdapter(spec: replay, baseDirectory: base)
        }
    }

    /// The git revision of a command crew's project (its working directory), for the run's metadata.
    public static func gitRevision(for spec: CrewSpec, suite: Suite) async -> String? {
        guard case .command(let command) = spec else { return nil }
        let directory = command.workingDirectory.map { ExecutableLookup.absolute($0, against: suiteDirectory(suite)) }
            ?? suiteDirectory(suite)
        return await CrewProject.gitRevision(directory: directory)
    }

    private static func suiteDirectory(_ suite: Suite) -> String {
        let folder = (suite.path as NSString).deletingLastPathComponent
        return ExecutableLookup.absolute(folder.isEmpty ? "." : folder, against: FileManager.default.currentDirectoryPath)
    }
}
