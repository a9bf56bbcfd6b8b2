/// Word normalisation for matching: a light stemmer, stop words, honorifics and name connectors.
///
/// Both sides (basis and post) go through the same functions, so "Model Cards" meets "Model
/// Card", "served" meets "serving" and "Tokio's" meets "Tokio" (the tokenizer already split the
/// `'s`). The stemmer is deliberately light — plural, -ed, -ing, -ly, final -e — because an
/// aggressive one merges words whose difference is the hallucination.
enum WordForms {
    /// The stem of a lower-cased word.
    static func stem(_ w: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: w.count + 1) { out in
            let n = stem(w, into: out)
            return Array(out[0..<n])
        }
    }

    static func stem(_ w: [UInt8]) -> [UInt8] { w.withUnsafeBufferPointer { stem($0) } }

    /// Writes the stem of `w` into `out` (capacity ≥ `w.count` + 1) and returns its length;
    /// the allocation-free form the basis index uses for every new word.
    static func stem(_ w: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = w.count
        for k in 0..<n { out[k] = w[k] }
        guard n > 3 else { return n }
        var digits = true
        for k in 0..<n {
            if w[k] >= 0x80 { return n }
            if !ByteText.isDigit(w[k]) { digits = false }
        }
        if digits { return n }
        var word = Stemmed(out: out, n: n)
        let (i, e, s, d, g, l, y) = (UInt8(0x69), UInt8(0x65), UInt8(0x73), UInt8(0x64), UInt8(0x67), UInt8(0x6C), UInt8(0x79))
        // Plurals: studies → study, classes → class, matches → match, boxes → box, cards → card.
        if word.ends(i, e, s) && word.n > 4 {
            word.replaceEnd(3, with: y)
        } else if (word.n > 4 && word.ends(s, e, s) && out[word.n - 4] == s)
                    || (word.ends(e, s) && word.n > 4 && (out[word.n - 3] == 0x68 && (out[word.n - 4] == 0x63 || out[word.n - 4] == s)))
                    || word.ends(0x78, e, s) || word.ends(0x7A, e, s) {
            word.n -= 2
        } else if word.ends(s) && !word.ends(s, s) && !word.ends(0x75, s) && !word.ends(i, s) {
            word.n -= 1
        }
        // Verb and adverb endings: running → run, studied → study, served → serv, quickly → quick.
        if word.ends(i, 0x6E, g) && word.n > 5 {
            word.n -= 3; word.undouble()
        } else if word.ends(i, e, d) && word.n > 4 {
            word.replaceEnd(3, with: y)
        } else if word.ends(e, d) && word.n > 4 {
            word.n -= 2; word.undouble()
        } else if word.ends(l, y) && word.n > 5 {
            word.n -= 2
        }
        if word.n > 3, out[word.n - 1] == e { word.n -= 1 }  // final e: serve/serving/served
        return word.n
    }

    /// A word being stemmed in place: `out[0..<n]`. Suffix tests require the word to stay longer
    /// than the suffix.
    private struct Stemmed {
        let out: UnsafeMutableBufferPointer<UInt8>
        var n: Int

        func ends(_ a: UInt8) -> Bool { n > 1 && out[n - 1] == a }
        func ends(_ a: UInt8, _ b: UInt8) -> Bool { n > 2 && out[n - 2] == a && out[n - 1] == b }
        func ends(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool { n > 3 && out[n - 3] == a && out[n - 2] == b && out[n - 1] == c }

        /// Drops the last `k` bytes and appends `byte` (`studies` → `study`).
        mutating func replaceEnd(_ k: Int, with byte: UInt8) {
            n -= k; out[n] = byte; n += 1
        }

        /// A doubled final consonant is undone (`runn` → `run`), except l, s and z (`call`, `pass`, `buzz`).
        mutating func undouble() {
            if n >= 3, out[n - 1] == out[n - 2], out[n - 1] != 0x6C, out[n - 1] != 0x73, out[n - 1] != 0x7A,
               ByteText.isLetter(out[n - 1]) { n -= 1 }
        }
    }

    /// Function words: never content, never evidence of support.
    static let stopWords: Set<String> = Set("""
    a an the and or but nor so yet for of in on at to from by with without within into onto upon about above \
    below over under after before during through throughout between among against across along around as \
    than then that this these those there here where when while which who whom whose what why how \
    is are was were be been being am do does did doing done have has had having will would shall should can \
    could may might must it its it's they them their theirs we us our ours you your yours he him his she her \
    hers i me my mine one ones also too very just only even still not no yes all any some each every both \
    either neither such more most much many few less least other others another same own if else because \
    although though however therefore thus hence whether whereas s t re ve ll d m etc e.g i.e eg ie via \
    per like up down out off again further once well quite rather really almost already always never ever \
    often sometimes usually perhaps maybe overall including include includes included
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Negation cues: a sentence and its passage disagreeing on these is a contradiction signal.
    static let negations: Set<String> = ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
                                         "without", "cannot", "t", "lack", "lacks", "fails", "unavailable", "false"]

    /// Titles before a name: "President Obama" is grounded by "Barack Obama".
    static let honorifics: Set<String> = Set("""
    mr mrs ms miss dr prof professor president senator sen rep representative governor gov judge justice king \
    queen prince princess lord lady sir dame pope saint st general gen captain capt coach chef officer sgt \
    sergeant lt lieutenant col colonel mayor chancellor minister secretary chairman chairwoman ceo cto cfo \
    founder director detective agent dean father mother sister brother rev reverend
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Lower-case words that may sit inside a multi-word name (Bank of America, Ludwig van Beethoven).
    static let nameConnectors: Set<String> = ["of", "de", "la", "le", "del", "della", "van", "von", "der", "den",
                                              "du", "di", "da", "dos", "das", "al", "bin", "el", "&", "the"]
}
