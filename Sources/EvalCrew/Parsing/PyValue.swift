/// A value read from a Python literal (`repr`, rich print) or from JSON.
///
/// Both shapes land in this one type so the mapping to `CrewRun` is written once.
indirect enum PyValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    /// A list, tuple or set (the difference never matters for a crew output).
    case list([PyValue])
    /// A dict or JSON object, in source order.
    case dict([(key: PyValue, value: PyValue)])
    /// `Name(arg, key=value, …)`: a pydantic model or other object repr.
    case call(name: String, args: [PyValue], kwargs: [(name: String, value: PyValue)])
    /// An enum member `<OutputFormat.RAW: 'raw'>`.
    case enumMember(name: String, value: PyValue)
    /// Something kept as text: `<object at 0x…>`, `...`, a bare name.
    case opaque(String)

    /// A dict's value for a string key, or a call's keyword argument.
    subscript(key: String) -> PyValue? {
        switch self {
        case let .dict(entries):
            for entry in entries { if case let .str(k) = entry.key, k == key { return entry.value } }
            return nil
        case let .call(_, _, kwargs):
            for kwarg in kwargs where kwarg.name == key { return kwarg.value }
            return nil
        default:
            return nil
        }
    }

    /// The text of a string (or of an enum member's string value).
    var string: String? {
        switch self {
        case let .str(s): return s
        case let .enumMember(_, value): return value.string
        default: return nil
        }
    }

    /// An integer, also from an integral float or a digit string (older dumps stringify some counts).
    var int: Int? {
        switch self {
        case let .int(i): return i
        case let .float(d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
        case let .str(s): return Int(s)
        default: return nil
        }
    }

    /// The elements of a list, tuple or set.
    var items: [PyValue]? {
        if case let .list(items) = self { return items }
        return nil
    }

    /// The class name of a call (`CrewOutput`), last dotted component only.
    var callName: String? {
        guard case let .call(name, _, _) = self else { return nil }
        return name.split(separator: ".").last.map(String.init) ?? name
    }

    /// True for a dict or a call: something with named fields.
    var isRecord: Bool {
        switch self {
        case .dict, .call: return true
        default: return false
        }
    }
}
