/// A suite's `defaults:` or one case's overrides, as written: each field nil when not given.
struct SettingsOverrides {
    var targetWords: Int?
    var targetMinutes: Double?
    var wordsPerMinute: Double?
    var platform: PlatformProfile?
    var allow: [String]?
    var sources: [String]?
    var timeout: Double?

    /// The keys of `defaults:`, which a case may also set.
    static let keys = ["words", "minutes", "wpm", "platform", "allow", "sources", "timeout"]

    /// `base` with these overrides applied: values replace, `allow` and `sources` add to the base's
    /// lists (a case on a shared corpus names only its own extra documents).
    func applied(to base: CaseSettings) -> CaseSettings {
        var settings = base
        if let targetWords { settings.targetWords = targetWords }
        if let targetMinutes { settings.targetMinutes = targetMinutes }
        if let wordsPerMinute { settings.wordsPerMinute = wordsPerMinute }
        if let platform { settings.platform = platform }
        if let timeout { settings.timeout = timeout }
        if let allow { settings.allow = Self.union(base.allow, allow) }
        if let sources { settings.sources = Self.union(base.sources, sources) }
        return settings
    }

    private static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set(first)
        return first + second.filter { seen.insert($0).inserted }
    }
}
