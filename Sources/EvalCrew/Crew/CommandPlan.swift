import Foundation

/// A command crew's templates filled in for one invocation: what to launch and where its output goes.
struct CommandPlan: Sendable {
    /// An output path as the suite wrote it (templates filled) and as found on disk.
    struct OutputPath: Sendable {
        var written: String
        var absolute: String
    }

    var launch: ProcessLaunch
    var outputPaths: [OutputPath]
    /// The absolute trace path, nil when the invocation has none.
    var tracePath: String?

    /// - Throws: `CommandCrewError` for an empty command, a template that does not fill, a missing working directory.
    init(spec: CommandCrewSpec, baseDirectory: String, environment: [String: String],
         invocation: CrewInvocation) throws(CommandCrewError) {
        guard !spec.argv.isEmpty else { throw .emptyCommand }
        let values = invocation.templateValues
        func fill(_ template: String, _ field: String) throws(CommandCrewError) -> String {
            let value = try CommandTemplate.expand(template, field: field, values: values, environment: environment)
            guard !value.contains("\0") else {
                throw .malformedTemplate(template: template, field: field, reason: "its value holds a NUL character, which no process can receive")
            }
            return value
        }
        var arguments: [String] = []
        for (index, element) in spec.argv.enumerated() {
            arguments.append(try fill(element, "crew.command.argv[\(index)]"))
        }
        var childEnvironment = environment
        for variable in spec.environment {
            childEnvironment[variable.name] = try fill(variable.value, "crew.command.env.\(variable.name)")
        }
        let current = FileManager.default.currentDirectoryPath
        let base = ExecutableLookup.absolute(baseDirectory.isEmpty ? "." : baseDirectory, against: current)
        let workingDirectory = ExecutableLookup.lexicallyNormalized(ExecutableLookup.absolute(spec.workingDirectory ?? ".", against: base))
        // A program given as a relative path is relative to the suite file's folder, like every path in a suite.
        if arguments[0].contains("/") && !arguments[0].hasPrefix("/") {
            arguments[0] = ExecutableLookup.lexicallyNormalized(ExecutableLookup.absolute(arguments[0], against: base))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workingDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingWorkingDirectory(workingDirectory)
        }
        if invocation.tracePath.isEmpty {
            tracePath = nil
            childEnvironment.removeValue(forKey: CommandCrewAdapter.traceVariable)
        } else {
            // Absolute, because the crew runs in another folder than evalcrew.
            let trace = ExecutableLookup.absolute(invocation.tracePath, against: current)
            tracePath = trace
            childEnvironment[CommandCrewAdapter.traceVariable] = trace
        }
        outputPaths = []
        if case .files(let templates) = spec.output {
            for (index, template) in templates.enumerated() {
                let written = try fill(template, "crew.command.output.files[\(index)]")
                outputPaths.append(OutputPath(written: written, absolute: ExecutableLookup.absolute(written, against: workingDirectory)))
            }
        }
        let captures = spec.output == .standardOutput
        launch = ProcessLaunch(arguments: arguments, environment: childEnvironment, workingDirectory: workingDirectory,
                               capturesStandardOutput: captures, timeout: invocation.timeout, killGrace: spec.killGrace)
    }
}
