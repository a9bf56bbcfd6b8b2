/// US state names and their postal codes, and a few country short forms: an address says "CA",
/// a summary says "California". A long name and its short form ground each other.
enum PlaceNames {
    static let pairs: [(String, String)] = [
        ("alabama", "al"), ("alaska", "ak"), ("arizona", "az"), ("arkansas", "ar"), ("california", "ca"),
        ("colorado", "co"), ("connecticut", "ct"), ("delaware", "de"), ("florida", "fl"), ("georgia", "ga"),
        ("hawaii", "hi"), ("idaho", "id"), ("illinois", "il"), ("indiana", "in"), ("iowa", "ia"), ("kansas", "ks"),
        ("kentucky", "ky"), ("louisiana", "la"), ("maine", "me"), ("maryland", "md"), ("massachusetts", "ma"),
        ("michigan", "mi"), ("minnesota", "mn"), ("mississippi", "ms"), ("missouri", "mo"), ("montana", "mt"),
        ("nebraska", "ne"), ("nevada", "nv"), ("new hampshire", "nh"), ("new jersey", "nj"), ("new mexico", "nm"),
        ("new york", "ny"), ("north carolina", "nc"), ("north dakota", "nd"), ("ohio", "oh"), ("oklahoma", "ok"),
        ("oregon", "or"), ("pennsylvania", "pa"), ("rhode island", "ri"), ("south carolina", "sc"),
        ("south dakota", "sd"), ("tennessee", "tn"), ("texas", "tx"), ("utah", "ut"), ("vermont", "vt"),
        ("virginia", "va"), ("washington", "wa"), ("west virginia", "wv"), ("wisconsin", "wi"), ("wyoming", "wy"),
        ("district of columbia", "dc"), ("united states", "us"), ("united states", "usa"), ("america", "us"),
        ("united kingdom", "uk"), ("britain", "uk"), ("great britain", "uk"), ("united arab emirates", "uae"),
        ("european union", "eu"), ("united nations", "un"),
    ]

    /// The other spellings of a lower-cased place name or code (words joined by spaces).
    static func alternatives(_ lowered: String) -> [String] {
        pairs.compactMap { $0.0 == lowered ? $0.1 : $0.1 == lowered ? $0.0 : nil }
    }
}
