extension CommandCrewSpec {
    /// The `${VAR}`s its templates use that `environment` does not set, in order of first use.
    ///
    /// `run` checks these before starting: an unset variable would fail every case the same way,
    /// so it is a configuration error, not a run of failed cases.
    public func unsetVariables(in environment: [String: String]) -> [String] {
        var templates = argv + self.environment.map(\.value)
        if case .files(let paths) = output { templates += paths }
        var missing: [String] = []
        for template in templates {
            guard let parts = try? CommandTemplate.parse(template, field: "") else { continue }
            for case .variable(let name) in parts where environment[name] == nil && !missing.contains(name) {
                missing.append(name)
            }
        }
        return missing
    }
}
