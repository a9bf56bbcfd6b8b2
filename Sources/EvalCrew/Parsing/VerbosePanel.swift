import Foundation

/// One rich panel of crewai's verbose console output (`╭─ title ─╮ … ╰──╯`).
struct VerbosePanel {
    /// The title without box characters and without its leading emoji, e.g. `Agent Final Answer`.
    var title: String
    /// Content lines without borders, without the 2-space padding and without trailing spaces.
    var lines: [String]
    /// Cells available to the text inside the panel (box width minus borders and padding).
    var textWidth: Int
    /// 0-based index of the panel's last line in the capture.
    var lastLine: Int

    /// The text after `key` on the first line starting with it, plus the lines that follow up to
    /// the next `Key:` line or blank line when `multiLine` (for wrapped `Task:` descriptions).
    func field(_ key: String, multiLine: Bool = false) -> String? {
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key) }) else { return nil }
        var end = index + 1
        if multiLine {
            while end < lines.count, !lines[end].isEmpty, !Self.startsWithKey(lines[end]) { end += 1 }
        }
        return Self.dropKey(key, from: Self.unwrap(Array(lines[index..<end]), width: textWidth))
    }

    /// The lines after the one starting with `key` (its own remainder included), unwrapped.
    func text(after key: String) -> String? {
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key) }) else { return nil }
        var text = Self.dropKey(key, from: Self.unwrap(Array(lines[index...]), width: textWidth))
        if text.hasPrefix("\n") { text.removeFirst() }
        return text
    }

    /// The unwrapped text minus its leading `key` and the spaces after it. The key stays on the
    /// line while unwrapping because it took room when rich wrapped the line.
    private static func dropKey(_ key: String, from text: String) -> String {
        String(text.dropFirst(key.count).drop { $0 == " " })
    }

    /// Rejoins lines the panel hard-wrapped: a line break is taken for a wrap (one space) when the
    /// next line's first word would not have fitted after the line; otherwise it was a real
    /// newline. This is a guess: a real newline after a nearly full line reads as a wrap.
    static func unwrap(_ lines: [String], width: Int) -> String {
        var body = lines
        while body.first?.isEmpty == true { body.removeFirst() }
        while body.last?.isEmpty == true { body.removeLast() }
        var out = ""
        for (k, line) in body.enumerated() {
            if k > 0 {
                let previous = body[k - 1]
                let firstWord = line.prefix { $0 != " " }
                let wrapped = !previous.isEmpty && !firstWord.isEmpty
                    && cells(previous) + 1 + cells(String(firstWord)) > width
                out += wrapped ? " " : "\n"
            }
            out += line
        }
        return out
    }

    static func cells(_ s: String) -> Int {
        let bytes = Array(s.utf8)
        return CellWidth.of(bytes, 0..<bytes.count)
    }

    /// `Name: …`, `Agent: …`: a field label at the start of a line.
    private static func startsWithKey(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        return !key.isEmpty && key.count <= 20 && key.first!.isUppercase && key.allSatisfy { $0.isLetter || $0 == " " }
    }

    /// Every panel in the capture's lines, in order. Works on UTF-8 views: `Character`-level
    /// `hasPrefix` and `dropLast` on thousands of box-drawn lines cost tens of milliseconds.
    static func scan(_ lines: [Substring]) -> [VerbosePanel] {
        let top = Array("╭".utf8), side = Array("│".utf8), bottom = Array("╰".utf8)
        let rule: Set<String> = ["─", "╭", "╮"]
        var panels: [VerbosePanel] = []
        var i = 0
        while i < lines.count {
            guard lines[i].utf8.starts(with: top) else { i += 1; continue }
            let title = String(lines[i].filter { !rule.contains(String($0)) })
                .trimmingCharacters(in: .whitespaces)
                .drop { !$0.isLetter && !$0.isNumber }  // the emoji crewai puts before titles
            let topBytes = Array(lines[i].utf8)
            let boxWidth = CellWidth.of(topBytes, 0..<topBytes.count)
            var content: [String] = []
            var k = i + 1
            while k < lines.count, lines[k].utf8.starts(with: side) {
                var line = lines[k].utf8.dropFirst(side.count)
                if line.count >= side.count, line.suffix(side.count).elementsEqual(side) { line = line.dropLast(side.count) }
                if line.starts(with: [0x20, 0x20]) { line = line.dropFirst(2) }
                while line.last == 0x20 { line = line.dropLast() }
                content.append(String(Substring(line)))
                k += 1
            }
            if k < lines.count, lines[k].utf8.starts(with: bottom) { k += 1 }
            panels.append(VerbosePanel(title: String(title), lines: content, textWidth: max(boxWidth - 6, 1), lastLine: k - 1))
            i = k
        }
        return panels
    }
}
