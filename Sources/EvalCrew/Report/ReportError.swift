/// Why a report could not be written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// libxml2, which builds the HTML report, could not be opened.
    case libxml2Unavailable(reason: String)
    /// libxml2 returned no document or no serialised bytes.
    case htmlSerialisationFailed

    public var description: String {
        switch self {
        case .libxml2Unavailable(let reason):
            return "the HTML report needs libxml2, which could not be opened (\(reason)); install it (Debian: apt-get install libxml2) or write --junit/--markdown only"
        case .htmlSerialisationFailed:
            return "libxml2 could not serialise the HTML report (out of memory?); try again, or write --junit/--markdown only"
        }
    }
}
