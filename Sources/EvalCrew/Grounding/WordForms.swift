/// Word normalisation for matching: a light stemmer, stop words, honorifics and name connectors.
///
/// Both sides (basis and post) go through the same functions, so "Model Cards" meets "Model
/// Card", "served" meets "serving" and "Tokio's" meets "Tokio" (the tokenizer already split the
/// `'s`). The stemmer is deliberately light — plural, -ed, -ing, -ly, final -e — because an
/// aggressive one merges words whose difference is the hallucination.
enum WordForms {
    /// The stem of a lower-cased word.
    static func stem(_ w: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var s = Array(w)
        guard s.count > 3, s.allSatisfy({ $0 < 0x80 }) else { return s }
        func ends(_ t: StaticString) -> Bool {
            let n = t.utf8CodeUnitCount
            guard s.count > n else { return false }
            return t.withUTF8Buffer { q in
                for k in 0..<n where s[s.count - n + k] != q[k] { return false }
                return true
            }
        }
        if s.allSatisfy(ByteText.isDigit) { return s }
        if ends("ies") && s.count > 4 {
            s.removeLast(3); s.append(0x79)
        } else if ends("sses") || ends("ches") || ends("shes") || ends("xes") || ends("zes") {
            s.removeLast(2)
        } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
            s.removeLast()
        }
        if ends("ing") && s.count > 5 {
            s.removeLast(3); undouble(&s)
        } else if ends("ied") && s.count > 4 {
            s.removeLast(3); s.append(0x79)
        } else if ends("ed") && s.count > 4 {
            s.removeLast(2); undouble(&s)
        } else if ends("ly") && s.count > 5 {
            s.removeLast(2)
        }
        if s.count > 3, s.last == 0x65 { s.removeLast() }  // final e: serve/serving/served
        return s
    }

    static func stem(_ w: [UInt8]) -> [UInt8] { w.withUnsafeBufferPointer { stem($0) } }

    private static func undouble(_ s: inout [UInt8]) {
        let n = s.count
        if n >= 3, s[n - 1] == s[n - 2], !"lsz".utf8.contains(s[n - 1]), ByteText.isLetter(s[n - 1]) { s.removeLast() }
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
                                         "without", "cannot", "t", "lack", "lacks", "fails", "unavailable"]

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
