/// Why a crew output could not be read.
///
/// Every message names the file, says what was expected and where reading stopped (1-based
/// line and column, columns in Unicode code points), and what to do about it, so a user can fix
/// the input without reading evalcrew's source.
public enum InputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The bytes are not valid UTF-8; `byteOffset` is the 0-based offset of the first bad byte.
    case notUTF8(path: String, byteOffset: Int)
    /// The input contains NUL bytes: a binary file, or text in UTF-16/UTF-32.
    case binary(path: String)
    /// The input is empty or only whitespace.
    case empty(path: String)
    /// No known CrewAI output shape was recognised; `hint` says what was seen instead.
    case unrecognised(path: String, hint: String)
    /// The input ended in the middle of a value: `expected` is what should have come next.
    case truncated(path: String, expected: String, line: Int, column: Int)
    /// The input has the shape `format` but breaks its syntax or lacks a required part.
    case malformed(path: String, format: String, message: String, line: Int, column: Int)
    /// The file or folder could not be opened.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notUTF8(path, offset):
            return "\(path): not UTF-8 text (first invalid byte at offset \(offset)). "
                + "Re-save the file as UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`) and try again."
        case let .binary(path):
            return "\(path): looks binary (contains NUL bytes), expected text. "
                + "Pass the crew's JSON, repr, rich print, log or markdown output; UTF-16 files must be converted to UTF-8."
        case let .empty(path):
            return "\(path): empty, expected a CrewAI output. "
                + "Check that the crew finished and that its output was written to this file."
        case let .unrecognised(path, hint):
            return "\(path): not a recognised CrewAI output (\(hint)). "
                + "Pass `model_dump_json()`, `repr(result)`, a rich print, an `output_log_file`, verbose stdout, "
                + "markdown or an output folder, or force a shape with --input-format."
        case let .truncated(path, expected, line, column):
            return "\(path):\(line):\(column): input ends too early, expected \(expected). "
                + "The output was probably cut off (a full disk, a killed process, a partial copy); capture it again."
        case let .malformed(path, format, message, line, column):
            return "\(path):\(line):\(column): malformed \(format): \(message). "
                + "Check the file at that position, or force another shape with --input-format."
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason)). Check the path and its permissions."
        }
    }
}
