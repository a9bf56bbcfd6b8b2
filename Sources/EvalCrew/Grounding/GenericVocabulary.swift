import Foundation

/// Words that are never claims: common technical terms, languages, nationalities, days, months.
///
/// A post about RAG may say "LLM", "API", "Python" or "English" without any source naming them;
/// flagging those would bury the real findings. The list is deliberately small and generic — it
/// is not a lexicon of frameworks or products (those must be in the basis). `--allow` extends it.
struct GenericVocabulary: Sendable {
    private var words: Set<String>

    /// The built-in vocabulary plus `allowed` (case-insensitive; multi-word terms are allowed too).
    init(allowed: [String] = []) {
        var words = GenericVocabulary.builtIn
        for term in allowed {
            let lowered = String(decoding: ByteText.loweredBytes(term), as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            if !lowered.isEmpty { words.insert(lowered) }
        }
        self.words = words
    }

    /// Whether a lower-cased word or phrase (words joined by single spaces) is generic; plural
    /// forms of generic words count (`llms`, `apis`, `gpus`).
    func contains(_ lowered: String) -> Bool {
        if words.contains(lowered) { return true }
        if lowered.hasSuffix("s"), lowered.count > 2, words.contains(String(lowered.dropLast())) { return true }
        if lowered.hasSuffix("'s"), words.contains(String(lowered.dropLast(2))) { return true }
        return false
    }

    /// The built-in terms of several words (`machine learning`).
    static let builtInPhrases: Set<String> = builtIn.filter { $0.utf8.contains(0x20) }

    static let builtIn: Set<String> = {
        let groups = [
            // Computing and AI terms that any technical post uses without a source.
            "ai ml llm nlp api sql json http https cpu gpu tpu ram rag url uri html css rest sdk cli ui ux os ide",
            "ci cd devops faq pdf csv xml yaml toml id ids io ssd hdd ssh tls ssl dns tcp udp ip vm vms jwt oauth",
            "saas paas iaas crud orm etl kpi roi seo cms llmops mlops genai gpt ner nlu nlg ocr asr tts qa",
            "ceo cfo cto coo cio vp hr pr",
            "covid covid-19 coronavirus eve christmas easter thanksgiving halloween",
            "internet web wifi wi-fi bluetooth usb ok tl;dr vs etc am pm a.m p.m mr mrs ms dr jr sr st",
            // Programming and markup languages.
            "python javascript typescript java go golang rust swift kotlin ruby php c c++ c# scala julia",
            "haskell perl lua bash shell zsh powershell markdown r matlab dart elixir erlang clojure fortran",
            "cobol objective-c sql nosql graphql regex unix linux",
            // Days, months, seasons.
            "monday tuesday wednesday thursday friday saturday sunday weekday weekdays weekend weekends",
            "january february march april may june july august september october november december",
            "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun",
            "spring summer autumn fall winter",
            // Languages, nationalities, regions as adjectives.
            "english french spanish german italian portuguese dutch greek russian polish czech swedish",
            "norwegian danish finnish icelandic irish scottish welsh british american canadian mexican",
            "brazilian argentinian argentine chilean peruvian colombian cuban chinese japanese korean",
            "vietnamese thai indian pakistani indonesian filipino malaysian australian african european",
            "asian arab arabic persian turkish israeli hebrew egyptian moroccan ethiopian nigerian",
            "kenyan latin hispanic latino caribbean mediterranean western eastern northern southern",
            "ukrainian hungarian romanian bulgarian serbian croatian austrian swiss belgian",
            "mandarin cantonese hindi urdu bengali swahili",
            // Pronouns and function words that are capitalised by grammar, not by being names.
            "i i'm i've i'll i'd",
        ]
        var set = Set<String>()
        for group in groups {
            for word in group.split(separator: " ") { set.insert(String(word)) }
        }
        // Multi-word terms.
        for phrase in ["artificial intelligence", "machine learning", "deep learning", "large language model",
                       "large language models", "natural language processing", "retrieval augmented generation",
                       "neural network", "neural networks", "open source", "data science", "computer vision",
                       "middle eastern", "middle east", "latin american", "south american", "north american",
                       "central american", "southeast asian", "east asian", "south asian", "native american",
                       "new american", "pacific northwest", "new year", "new year's"] {
            set.insert(phrase)
        }
        return set
    }()
}
