import Foundation
import Yams

extension SuiteParser {
    /// Reads `defaults:` or a case's overrides: the `SettingsOverrides.keys` among `known`.
    /// Nil when `node` is not a mapping; a bad value is reported and left out.
    func settings(_ node: Node, _ what: String, known: [String], caseID: String?,
                  hints: [String: String] = [:]) -> SettingsOverrides? {
        guard let entries = reader.entries(of: node, what, known: known, caseID: caseID, hints: hints) else { return nil }
        return settings(from: entries, what, caseID: caseID)
    }

    /// The settings among already-read entries.
    func settings(from entries: [String: SuiteEntry], _ what: String, caseID: String?) -> SettingsOverrides {
        var overrides = SettingsOverrides()
        let prefix = caseID == nil ? "\(what)." : ""
        if let entry = entries["words"] {
            overrides.targetWords = reader.positiveWhole(entry.value, "\(prefix)words", unit: "words", caseID: caseID)
        }
        if let entry = entries["minutes"] {
            overrides.targetMinutes = reader.positive(entry.value, "\(prefix)minutes", unit: "minutes", caseID: caseID)
        }
        if let entry = entries["wpm"] {
            overrides.wordsPerMinute = reader.positive(entry.value, "\(prefix)wpm", unit: "words per minute", caseID: caseID)
        }
        if let entry = entries["platform"], let name = reader.text(entry.value, "\(prefix)platform", caseID: caseID) {
            if let platform = PlatformProfile(rawValue: name) {
                overrides.platform = platform
            } else {
                let choices = PlatformProfile.allCases.map { "`\($0.rawValue)`" }.joined(separator: " or ")
                reader.report(entry.value.line, caseID, "\(prefix)platform: expected \(choices), found '\(name)'")
            }
        }
        if let entry = entries["allow"] {
            overrides.allow = reader.textList(entry.value, "\(prefix)allow", caseID: caseID)?.map(\.value)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        if let entry = entries["sources"] {
            overrides.sources = sources(entry.value, "\(prefix)sources", caseID: caseID)
        }
        if let entry = entries["timeout"] {
            overrides.timeout = reader.positive(entry.value, "\(prefix)timeout", unit: "seconds", caseID: caseID)
        }
        return overrides
    }

    /// Source files, folders and globs, resolved against the suite's folder; each must stand for at least one file.
    private func sources(_ node: Node, _ what: String, caseID: String?) -> [String]? {
        guard let items = reader.textList(node, what, caseID: caseID) else { return nil }
        var resolved: [String] = []
        for item in items {
            guard !item.value.trimmingCharacters(in: .whitespaces).isEmpty else {
                reader.report(item.line, caseID, "\(what): an item is empty; write a file, folder or glob relative to the suite file")
                continue
            }
            let path: String
            do {
                path = try paths.resolve(item.value)
            } catch {
                reader.report(item.line, caseID, "\(what): '\(item.value)': \(describe(error))")
                continue
            }
            switch sourceCheck(path) {
            case .success:
                resolved.append(path)
            case .failure(let error):
                reader.report(item.line, caseID, "\(what): \(describe(error, written: item.value, resolved: path))")
            }
        }
        return resolved
    }

    /// The number of files a resolved source pattern stands for, or why it stands for none.
    func sourceCheck(_ path: String) -> Result<Int, SourceError> {
        if let known = sourceChecks[path] { return known }
        let result: Result<Int, SourceError>
        do {
            result = .success(Set(try SourceLoader.expand(path)).count)
        } catch let error as SourceError {
            result = .failure(error)
        } catch {
            result = .failure(.unreadable(path))
        }
        sourceChecks[path] = result
        return result
    }

    private func describe(_ error: SourceError, written: String, resolved: String) -> String {
        let lookedFor = written == resolved ? "" : " (looked for \(resolved))"
        switch error {
        case .notFound:
            return "'\(written)' does not exist\(lookedFor); paths are relative to the suite file's folder"
        case .globMatchedNothing:
            return "glob '\(written)' matches no file\(lookedFor); paths are relative to the suite file's folder"
        case .emptyFolder(let folder):
            return "folder '\(folder)' holds no files; add the documents or remove '\(written)'"
        case .unreadable(let path):
            return "cannot read '\(path)'; check its permissions"
        }
    }

    /// Why a written path could not be resolved.
    func describe(_ failure: SuitePaths.Failure) -> String {
        switch failure {
        case .unsetVariable(let name): return "`${\(name)}` is not set in the environment; export it or write the path out"
        case .unclosedVariable: return "`${` without a closing `}`"
        case .noHome: return "`~` needs HOME, which is not set"
        }
    }
}
