import Foundation

/// Numbers in gate messages: whole numbers as written, others to a precision a reader can use.
enum GateNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : max(2, Int(-log10(magnitude).rounded(.down)) + 2)
        var text = String(format: "%.\(min(decimals, 12))f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
