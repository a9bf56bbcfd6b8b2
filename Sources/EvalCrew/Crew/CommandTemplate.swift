/// Fills the templates of a command crew: argv elements, environment values and output paths.
///
/// `{name}` is the case input `name` (or `case`, `repeat`); `${VAR}` is the variable `VAR` from
/// evalcrew's environment; `{{` and `}}` are literal braces; a `$` not followed by `{` is literal.
/// The result is always one string: nothing is split or passed through a shell, so an input with
/// spaces, quotes or `;` stays one argv element.
public enum CommandTemplate {
    /// One part of a parsed template.
    public enum Part: Equatable, Sendable {
        case literal(String)
        /// `{name}`: a case input.
        case input(String)
        /// `${VAR}`: an environment variable.
        case variable(String)
    }

    /// Splits a template into its parts; `field` names the template in errors (e.g. `argv[2]`).
    public static func parse(_ template: String, field: String) throws(CommandCrewError) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var index = template.startIndex
        func malformed(_ reason: String) -> CommandCrewError {
            .malformedTemplate(template: template, field: field, reason: reason)
        }
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            let following = next < template.endIndex ? template[next] : nil
            if character == "{" && following == "{" || character == "}" && following == "}" {
                literal.append(character)
                index = template.index(after: next)
                continue
            }
            if character == "}" { throw malformed("a lone `}`") }
            // `${{` is a literal `$` before an escaped brace, not a variable.
            let afterBrace = following == "{" ? template.index(after: next) : template.endIndex
            let isVariable = character == "$" && following == "{" && (afterBrace == template.endIndex || template[afterBrace] != "{")
            guard character == "{" || isVariable else {
                literal.append(character)
                index = next
                continue
            }
            let nameStart = isVariable ? template.index(after: next) : next
            guard let close = template[nameStart...].firstIndex(of: "}") else { throw malformed("a `{` is never closed") }
            let name = String(template[nameStart..<close])
            guard !name.isEmpty else { throw malformed("an empty name in `{}`") }
            guard !name.contains("{") else { throw malformed("a `{` inside `{\(name)}`") }
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(isVariable ? .variable(name) : .input(name))
            index = template.index(after: close)
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// Fills a template from the invocation's values and evalcrew's environment.
    ///
    /// - Throws: `CommandCrewError.unknownPlaceholder`, `.unsetVariable` or `.malformedTemplate`, naming `field`.
    public static func expand(_ template: String, field: String, values: [String: String],
                              environment: [String: String]) throws(CommandCrewError) -> String {
        var result = ""
        for part in try parse(template, field: field) {
            switch part {
            case .literal(let text):
                result += text
            case .input(let name):
                guard let value = values[name] else {
                    throw .unknownPlaceholder(name: name, field: field, known: values.keys.sorted())
                }
                result += value
            case .variable(let name):
                guard let value = environment[name] else { throw .unsetVariable(name: name, field: field) }
                result += value
            }
        }
        return result
    }
}
